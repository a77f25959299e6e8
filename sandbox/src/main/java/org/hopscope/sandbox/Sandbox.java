package org.hopscope.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox as a whole: start, inspect and stop its search engine (Elasticsearch, or OpenSearch:
 * {@link SearchEngine}, one per state folder), Prometheus and exporter.
 *
 * <p>{@link #up} is idempotent: a process whose pid file names a live process of ours is left
 * alone; stale pid files are removed; before anything starts, the ports of the services still to
 * start must be free and the state folder must have {@value #MIN_FREE_GB} GB free. The search
 * engine's part of {@code up} is {@link EngineUp}'s.
 */
public final class Sandbox {

  /** Minimum free space in the state folder (and Elasticsearch's folder) to start, in GB. */
  public static final int MIN_FREE_GB = 2;

  private static final double GB = 1024.0 * 1024 * 1024;

  private final SandboxConfig config;
  private final PrintStream out;
  private final ElasticsearchUser esUser = ElasticsearchUser.forCurrentProcess();
  private final SearchEngine engine;
  private final ElasticsearchNode elasticsearch;
  private final PrometheusNode prometheus;
  private final ExporterProcess exporter;
  private final AlertmanagerNode alertmanager;
  private final SecuritySetup security;
  private final EngineUp engineUp;

  /**
   * A sandbox in {@code config.dir()} printing progress lines to {@code out}, with the engine the
   * folder holds (Elasticsearch when it holds none yet).
   */
  public Sandbox(SandboxConfig config, PrintStream out) {
    this(config, out, null);
  }

  /**
   * A sandbox running {@code engine}; null for the engine the folder holds, else Elasticsearch.
   * {@link #up} fails when the folder holds another engine.
   */
  public Sandbox(SandboxConfig config, PrintStream out, SearchEngine engine) {
    this.config = config;
    this.out = out;
    this.engine =
        engine != null
            ? engine
            : ElasticsearchNode.keptEngine(config, esUser.root())
                .orElse(SearchEngine.ELASTICSEARCH);
    this.elasticsearch = new ElasticsearchNode(config, esUser, this.engine);
    this.prometheus = new PrometheusNode(config, out);
    this.exporter = new ExporterProcess(config);
    this.alertmanager = new AlertmanagerNode(config, out);
    this.security = new SecuritySetup(config, elasticsearch, esUser);
    this.engineUp = new EngineUp(config, out, elasticsearch, security);
  }

  /**
   * Starts whatever is not running yet (idempotent) and returns how to connect. Holds the state
   * folder's lock meanwhile ({@code purge} leaves the folder alone) and lists the folder in the
   * user's {@link SandboxRegistry} (so {@code purge} finds it).
   */
  public SandboxState up(boolean secure) {
    try (StateFolderLock lock = StateFolderLock.hold(config.dir())) {
      SandboxRegistry.forUser().add(config.dir());
      return upLocked(secure);
    }
  }

  private SandboxState upLocked(boolean secure) {
    new EngineChoice(config, esUser).require(engine, secure);
    elasticsearch.pidFile().removeIfStale();
    prometheus.pidFile().removeIfStale();
    exporter.pidFile().removeIfStale();
    alertmanager.pidFile().removeIfStale();
    Optional<Path> alertmanagerBinary = AlertmanagerNode.binary();
    boolean amRunning = alertmanager.pidFile().process().isPresent();
    boolean esRunning = elasticsearch.pidFile().process().isPresent();
    boolean promRunning = prometheus.pidFile().process().isPresent();
    boolean exporterRunning = exporter.pidFile().process().isPresent();
    if (esRunning) {
      engineUp.requireSameElasticsearch(secure);
    }
    List<Ports.Wanted> wanted = new ArrayList<>();
    if (!esRunning) {
      String name = engine.displayName();
      wanted.add(new Ports.Wanted(config.elasticsearchPort(), name + " HTTP", "--es-port"));
      wanted.add(
          new Ports.Wanted(
              elasticsearch.transportPort(), name + " transport, HTTP port + 1000", "--es-port"));
    }
    if (!promRunning) {
      wanted.add(new Ports.Wanted(config.prometheusPort(), "Prometheus", "--prometheus-port"));
    }
    if (!exporterRunning) {
      wanted.add(new Ports.Wanted(config.exporterPort(), "metrics exporter", "--exporter-port"));
    }
    if (!amRunning && alertmanagerBinary.isPresent()) {
      wanted.add(
          new Ports.Wanted(config.alertmanagerPort(), "Alertmanager", "--alertmanager-port"));
    }
    Ports.requireFree(config.host(), wanted);
    if (!wanted.isEmpty()) {
      requireFreeSpace(config.dir());
      requireFreeSpace(elasticsearch.base());
    }
    PrometheusBinary binary = promRunning ? null : PrometheusBinary.find();

    SecurityCredentials creds = engineUp.up(esRunning, secure);
    boolean amUp = upAlertmanager(amRunning, alertmanagerBinary);
    if (promRunning) {
      awaitAlreadyRunning(out, "Prometheus", prometheus.pidFile(), prometheus::isReady);
      prometheus.refreshConfig();
    } else {
      prometheus.start(binary);
    }
    if (exporterRunning) {
      awaitAlreadyRunning(out, "Exporter", exporter.pidFile(), exporter::isReady);
    } else {
      exporter.start(out);
    }
    SandboxState state = state(creds, amUp);
    if (wanted.isEmpty()) {
      out.println("Everything is already running in " + config.dir() + "; nothing started.");
    }
    new ConnectionHelp(state, creds).print(out);
    state = state.withProfile(writeProfile(state));
    Json.writePrivate(config.stateFile(), state);
    return state;
  }

  /**
   * Writes this sandbox's own profile ({@link SandboxConfig#profile()}) and says which; returns its
   * file, or null when it could not be written (said, but the sandbox stays up: the profile is a
   * convenience).
   */
  private Path writeProfile(SandboxState state) {
    SandboxProfile profile = new SandboxProfile(config.configDir(), config.profile());
    try {
      SandboxProfile.Written w = profile.write(state, config.dir());
      out.printf(
          "  %-15s %s %s %s%s (hopscope flow --profile %s ...)%n",
          "Profile",
          profile.name(),
          w.outcome() == SandboxProfile.Outcome.WRITTEN ? "written to" : "unchanged in",
          w.file(),
          state.security() ? ", as the read-only user " + state.readerUser() : "",
          profile.name());
      return w.file();
    } catch (SandboxException e) {
      out.println(
          "Warning: "
              + e.getMessage()
              + " Until then, pass --es/--prometheus to hopscope instead of --profile.");
      return null;
    }
  }

  /** Alertmanager when installed (else said, and the sandbox runs without); true when it runs. */
  private boolean upAlertmanager(boolean running, Optional<Path> binary) {
    if (running) {
      awaitAlreadyRunning(out, "Alertmanager", alertmanager.pidFile(), alertmanager::isReady);
      return true;
    }
    if (binary.isEmpty()) {
      out.println("Warning: " + AlertmanagerNode.missingMessage());
      return false;
    }
    alertmanager.start(binary.get());
    return true;
  }

  /**
   * For a process of ours that already runs: waits until it answers ({@code ready}) and says so;
   * fails when it does not within 60 s.
   */
  static void awaitAlreadyRunning(
      PrintStream out, String name, PidFile pid, java.util.function.BooleanSupplier ready) {
    if (!Poll.until(java.time.Duration.ofSeconds(60), ready)) {
      throw new SandboxException(
          name
              + " (pid "
              + pid.runningPid().orElse(-1L)
              + ") runs but does not answer; run"
              + " `hopscope sandbox down` and `up` again.");
    }
    out.println(name + " already running (pid " + pid.runningPid().orElse(-1L) + ")");
  }

  private SandboxState state(SecurityCredentials c, boolean withAlertmanager) {
    return new SandboxState(
        config.elasticsearchUrl(c != null),
        c != null,
        c == null ? null : c.caCertificate(),
        c == null ? null : c.user(),
        c == null ? null : c.password(),
        c == null ? null : c.serviceToken(),
        config.prometheusUrl(),
        config.exporterUrl(),
        c == null ? null : c.readerUser(),
        c == null ? null : c.readerPassword(),
        null,
        withAlertmanager ? config.alertmanagerUrl() : null,
        engine.id());
  }

  private static void requireFreeSpace(Path dir) {
    requireFreeSpace(dir, MIN_FREE_GB * 1024L * 1024 * 1024);
  }

  /** Fails when the file system of {@code dir} (or its nearest existing parent) has less free. */
  static void requireFreeSpace(Path dir, long minBytes) {
    try {
      Path existing = dir;
      while (existing != null && !Files.exists(existing)) {
        existing = existing.getParent();
      }
      if (existing == null) {
        return;
      }
      FileStore store = Files.getFileStore(existing);
      long free = store.getUsableSpace();
      if (free < minBytes) {
        throw new SandboxException(
            String.format(
                "not enough disk space for the sandbox in %s: %.2f GB free on %s, at least %.0f GB"
                    + " needed. Free some space or choose another folder with --dir.",
                dir, free / GB, store, minBytes / GB));
      }
    } catch (IOException e) {
      throw new SandboxException("cannot check free space in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Stops exactly the processes {@code up} started (pid files). */
  public void down() {
    Map<String, Optional<Long>> stopped = new LinkedHashMap<>();
    stopped.put("Exporter", exporter.stop());
    stopped.put("Prometheus", prometheus.stop());
    stopped.put("Alertmanager", alertmanager.stop());
    stopped.put(engine.displayName(), elasticsearch.stop());
    boolean any = false;
    for (Map.Entry<String, Optional<Long>> e : stopped.entrySet()) {
      if (e.getValue().isPresent()) {
        out.println(e.getKey() + " stopped (pid " + e.getValue().get() + ")");
        any = true;
      }
    }
    if (!any) {
      out.println("Nothing was running in " + config.dir() + ".");
    }
  }

  /** The connection facts of a sandbox that is up, or empty when {@code up} never ran here. */
  public Optional<SandboxState> state() {
    if (!Files.isRegularFile(config.stateFile())) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(config.stateFile().toFile(), SandboxState.class));
    } catch (IOException e) {
      throw new SandboxException(
          "cannot read "
              + config.stateFile()
              + ": "
              + e.getMessage()
              + ". Run `hopscope sandbox up` to write it again.",
          e);
    }
  }

  /** What runs, where, which versions, how much data; works when nothing runs. */
  public SandboxStatus status() {
    return new StatusProbe(config, elasticsearch, prometheus, exporter, alertmanager, security)
        .probe(state());
  }

  public SandboxConfig config() {
    return config;
  }

  /** The search engine this sandbox runs. */
  public SearchEngine engine() {
    return engine;
  }
}
