package org.hopscope.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The sandbox's single-node search engine, Elasticsearch or OpenSearch ({@link SearchEngine}, one
 * per state folder): where it lives, its configuration, start, health, stop (starting and waiting
 * for health are done by its {@link ElasticsearchStartup}). Both engines are handled by this one
 * class; only the names in {@link SearchEngine} differ ({@code ENGINE} below is {@code
 * elasticsearch} or {@code opensearch}).
 *
 * <p><b>Where its files live.</b> Normally in {@code DIR/ENGINE/} of the state folder. When the
 * sandbox runs as root, the engine runs as the system user {@value ElasticsearchUser#NAME} (both
 * refuse root), which cannot enter a state folder below {@code /root} (mode 700). Then its install,
 * data and logs live in {@code /var/lib/hopscope-es/<hash>/}, where {@code <hash>} is the first 12
 * hex digits of the SHA-256 of the state folder's absolute path (so every state folder gets its own
 * node), owned by that user; {@code DIR/ENGINE} is a symbolic link to it. The location is derived,
 * never stored, so it is found again without any record; so is the engine ({@link #keptEngine}).
 *
 * <p>Inside that base folder: {@code ENGINE-VERSION/} (the unpacked distribution, its {@code
 * config/} holds {@code ENGINE.yml} and, in security mode, {@code certs/}), {@code data/}, {@code
 * logs/} (server log {@code hopscope-sandbox.log}) and {@code ENGINE.pid} (written by the engine
 * itself through {@code -p}). The output of the start command goes to {@code
 * DIR/logs/ENGINE-start.log}.
 */
public final class ElasticsearchNode {

  /** The cluster name, also the name of the server log file. */
  public static final String CLUSTER = "hopscope-sandbox";

  /** As root, where every state folder's Elasticsearch lives ({@code <hash>/}, see above). */
  public static final Path ROOT_BASE = Path.of("/var/lib/hopscope-es");

  /** As root, the file in the base folder naming its state folder (for {@code purge}). */
  public static final String STATE_FOLDER_FILE = "state-folder";

  /** The node's heap (minimum and maximum). */
  private static final String HEAP = "512m";

  private final SandboxConfig config;
  private final ElasticsearchUser user;
  private final SearchEngine engine;
  private final ElasticsearchStartup startup;

  /** The sandbox's Elasticsearch. */
  public ElasticsearchNode(SandboxConfig config, ElasticsearchUser user) {
    this(config, user, SearchEngine.ELASTICSEARCH);
  }

  public ElasticsearchNode(SandboxConfig config, ElasticsearchUser user, SearchEngine engine) {
    this.config = config;
    this.user = user;
    this.engine = engine;
    this.startup = new ElasticsearchStartup(this, user);
  }

  /** Which engine this node runs. */
  public SearchEngine engine() {
    return engine;
  }

  /**
   * The engine whose node the state folder of {@code config} holds (running or stopped, with its
   * data), found from its folder {@code DIR/ENGINE} and, as root, the unpacked distributions in its
   * base folder; empty when none (never started, or purged).
   */
  public static Optional<SearchEngine> keptEngine(SandboxConfig config, boolean root) {
    for (SearchEngine e : SearchEngine.values()) {
      if (Files.exists(config.dir().resolve(e.id()), LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(e);
      }
    }
    Path base = rootBase(config.dir());
    if (root && Files.isDirectory(base)) {
      try (Stream<Path> children = Files.list(base)) {
        List<String> names = children.map(c -> c.getFileName().toString()).toList();
        for (SearchEngine e : SearchEngine.values()) {
          if (names.stream().anyMatch(n -> n.startsWith(e.id() + "-"))) {
            return Optional.of(e);
          }
        }
      } catch (IOException e) {
        throw new SandboxException("cannot list " + base + ": " + e.getMessage(), e);
      }
    }
    return Optional.empty();
  }

  /** The folder holding install, data, logs and pid file (see class comment). */
  public Path base() {
    return user.root() ? ROOT_BASE.resolve(shortHash(config.dir().toString())) : link();
  }

  private Path link() {
    return config.dir().resolve(engine.id());
  }

  /** The engine's home of the configured version. */
  public Path home() {
    return base().resolve(engine.homeName());
  }

  public Path configFile() {
    return home().resolve("config").resolve(engine.configFileName());
  }

  public Path serverLog() {
    return base().resolve("logs").resolve(CLUSTER + ".log");
  }

  public Path startLog() {
    return config.dir().resolve("logs").resolve(engine.id() + "-start.log");
  }

  /** The pid file; a pid counts only if its command line names this node's base folder. */
  public PidFile pidFile() {
    return new PidFile(base().resolve(engine.id() + ".pid"), base() + "/");
  }

  /** The transport (node-to-node) port: HTTP port + 1000 (or - 1000 near the top of the range). */
  public int transportPort() {
    int p = config.elasticsearchPort();
    return p + 1000 <= 65535 ? p + 1000 : p - 1000;
  }

  /** Whether the current {@code ENGINE.yml} enables security (false if none yet). */
  public boolean securityConfigured() {
    try {
      return Files.isRegularFile(configFile())
          && Files.readAllLines(configFile()).contains("xpack.security.enabled: true");
    } catch (IOException e) {
      throw new SandboxException("cannot read " + configFile() + ": " + e.getMessage(), e);
    }
  }

  /** The HTTP port in the current {@code ENGINE.yml}, if any. */
  public OptionalLong configuredPort() {
    try {
      if (!Files.isRegularFile(configFile())) {
        return OptionalLong.empty();
      }
      return Files.readAllLines(configFile()).stream()
          .filter(l -> l.startsWith("http.port: "))
          .mapToLong(l -> Long.parseLong(l.substring("http.port: ".length()).strip()))
          .findFirst();
    } catch (IOException e) {
      throw new SandboxException("cannot read " + configFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Unpacks the distribution (once per version) and, as root, creates the base folder for the
   * engine's user, hands it over and links it from the state folder.
   */
  public void install(ElasticsearchDistribution dist) {
    try {
      user.ensureExists();
      Files.createDirectories(base());
      Files.createDirectories(config.dir());
      if (user.root() && !Files.isSymbolicLink(link())) {
        if (Files.exists(link())) {
          throw new SandboxException(
              link()
                  + " exists but is not a link to "
                  + base()
                  + "; move it away and run up again.");
        }
        Files.createSymbolicLink(link(), base());
      }
      if (user.root()) {
        Files.writeString(
            base().resolve(STATE_FOLDER_FILE), config.dir() + "\n", StandardCharsets.UTF_8);
      }
      boolean fresh = !Files.isRegularFile(home().resolve(".hopscope-unpacked"));
      dist.unpackInto(base());
      if (fresh) {
        user.own(base());
      }
      if (user.root()) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (!ToolRun.of(user.wrap(List.of("test", "-x", java.toString()))).result().ok()) {
          throw new SandboxException(
              engine.displayName()
                  + " runs as user "
                  + ElasticsearchUser.NAME
                  + ", who cannot run "
                  + java
                  + "; run hopscope with a JDK outside /root (e.g. /usr/lib/jvm).");
        }
      }
    } catch (IOException e) {
      throw new SandboxException(
          "cannot prepare "
              + base()
              + " ("
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + "); check permissions and free space there.",
          e);
    }
  }

  /** Writes {@code ENGINE.yml}: single node on loopback, plus {@code securitySettings}. */
  public void writeConfig(String securitySettings) {
    String yml =
        String.join(
                "\n",
                "# written by hopscope sandbox up; rewritten at every start",
                "cluster.name: " + CLUSTER,
                "node.name: sandbox",
                "path.data: " + base().resolve("data"),
                "path.logs: " + base().resolve("logs"),
                "network.host: " + config.host(),
                "http.port: " + config.elasticsearchPort(),
                "transport.port: " + transportPort(),
                "discovery.type: single-node",
                "cluster.routing.allocation.disk.threshold_enabled: false",
                securitySettings.strip())
            + "\n";
    try {
      Files.writeString(configFile(), yml, StandardCharsets.UTF_8);
      user.own(configFile());
    } catch (IOException e) {
      throw new SandboxException("cannot write " + configFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts the node as a daemon ({@code bin/ENGINE -d -p PIDFILE}), waits until the cluster is
   * healthy and prints one progress line; fails with the last log lines ({@link
   * ElasticsearchStartup}).
   */
  public void start(EsEndpoint endpoint, PrintStream out) {
    startup.start(endpoint, out);
  }

  /** The environment the node and its CLI tools need: this JVM as Java, 512 MB heap, config. */
  public Map<String, String> environment() {
    return engine.environment(
        Path.of(System.getProperty("java.home")), HEAP, home().resolve("config"));
  }

  /**
   * Polls {@code /_cluster/health} until green, or yellow (on one node, replica shards can never be
   * assigned: yellow means every primary is active). Returns a short description.
   */
  public String awaitHealthy(EsEndpoint endpoint) {
    return startup.awaitHealthy(endpoint);
  }

  /** Stops the node via its pid file (SIGTERM, then SIGKILL after 60 s); returns the pid. */
  public Optional<Long> stop() {
    return pidFile().stop(Duration.ofSeconds(60));
  }

  /** As root, the base folder of the state folder {@code dir} (whether it exists or not). */
  public static Path rootBase(Path dir) {
    return ROOT_BASE.resolve(shortHash(dir.toAbsolutePath().normalize().toString()));
  }

  static String shortHash(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
