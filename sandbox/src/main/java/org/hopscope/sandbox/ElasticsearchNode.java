package org.hopscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The sandbox's single-node search engine, Elasticsearch or OpenSearch ({@link SearchEngine}, one
 * per state folder): where it lives, its configuration, start, health, stop. Both engines are
 * handled by this one class; only the names in {@link SearchEngine} differ ({@code ENGINE} below is
 * {@code elasticsearch} or {@code opensearch}).
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

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  /** As root, where every state folder's Elasticsearch lives ({@code <hash>/}, see above). */
  public static final Path ROOT_BASE = Path.of("/var/lib/hopscope-es");

  /** As root, the file in the base folder naming its state folder (for {@code purge}). */
  public static final String STATE_FOLDER_FILE = "state-folder";

  private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(90);

  /** The node's heap (minimum and maximum). */
  private static final String HEAP = "512m";

  private final SandboxConfig config;
  private final ElasticsearchUser user;
  private final SearchEngine engine;
  private Instant startedAt = Instant.EPOCH;

  /** The sandbox's Elasticsearch. */
  public ElasticsearchNode(SandboxConfig config, ElasticsearchUser user) {
    this(config, user, SearchEngine.ELASTICSEARCH);
  }

  public ElasticsearchNode(SandboxConfig config, ElasticsearchUser user, SearchEngine engine) {
    this.config = config;
    this.user = user;
    this.engine = engine;
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
   * healthy and prints one progress line; fails with the last log lines.
   */
  public void start(EsEndpoint endpoint, PrintStream out) {
    long t0 = System.nanoTime();
    startedAt = Instant.now();
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      cmd.add(SETSID.toString()); // own session: a terminal's hang-up does not reach the node
    }
    cmd.addAll(
        user.wrap(
            List.of(
                home().resolve("bin").resolve(engine.startScript()).toString(),
                "-d",
                "-p",
                pidFile().file().toString())));
    try {
      Files.createDirectories(startLog().getParent());
      ProcessBuilder pb =
          new ProcessBuilder(cmd)
              .directory(home().toFile())
              .redirectErrorStream(true)
              .redirectOutput(startLog().toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.environment().putAll(environment());
      Process p = pb.start();
      if (!p.waitFor(3, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw failure("did not finish starting within 3 minutes");
      }
      if (p.exitValue() != 0) {
        throw failure("failed to start (exit code " + p.exitValue() + ")");
      }
    } catch (IOException e) {
      throw new SandboxException("cannot run " + cmd + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while starting " + engine.displayName(), e);
    }
    String health = awaitHealthy(endpoint);
    out.printf(
        "%s %s started on %s (%s) in %.1f s%n",
        engine.displayName(),
        engine.version(),
        endpoint.url(),
        health,
        (System.nanoTime() - t0) / 1e9);
  }

  /** The environment the node and its CLI tools need: this JVM as Java, 512 MB heap, config. */
  public Map<String, String> environment() {
    return engine.environment(
        Path.of(System.getProperty("java.home")), HEAP, home().resolve("config"));
  }

  private SandboxException failure(String what) {
    return new SandboxException(
        engine.displayName()
            + " "
            + what
            + ". Output of the start command ("
            + startLog()
            + "):\n"
            + LogTail.of(startLog(), 20)
            + "\nLast lines of its server log "
            + serverLog()
            + ":\n"
            + (writtenSinceStart(serverLog())
                ? LogTail.of(serverLog(), 20)
                : "  (nothing written since this start)"));
  }

  private boolean writtenSinceStart(Path log) {
    try {
      return Files.isRegularFile(log)
          && Files.getLastModifiedTime(log).toInstant().isAfter(startedAt.minusSeconds(1));
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Polls {@code /_cluster/health} until green, or yellow (on one node, replica shards can never be
   * assigned: yellow means every primary is active). Returns a short description.
   */
  public String awaitHealthy(EsEndpoint endpoint) {
    ClusterFacts facts = new ClusterFacts(endpoint);
    String[] last = {"no answer"};
    boolean ok =
        Poll.until(
            HEALTH_TIMEOUT,
            () -> {
              Optional<JsonNode> h = facts.get("/_cluster/health");
              h.ifPresent(n -> last[0] = n.path("status").asText("?"));
              // OpenSearch's -d may return before the node writes its pid file: no file yet is
              // no failure (the timeout bounds the wait); a file without our process is
              if (pidFile().pid().isPresent() && pidFile().process().isEmpty()) {
                throw failure("stopped while starting");
              }
              return h.isPresent() && !last[0].equals("red") && !last[0].equals("?");
            });
    if (!ok) {
      throw failure(
          "did not become healthy within "
              + HEALTH_TIMEOUT.toSeconds()
              + " s (last: "
              + last[0]
              + ")");
    }
    return last[0].equals("green")
        ? "green"
        : last[0] + ": all primaries active, replicas cannot be assigned on one node";
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
