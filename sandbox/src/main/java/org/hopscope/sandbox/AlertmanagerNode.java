package org.hopscope.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox's Alertmanager: receives the alerts of the sandbox's Prometheus (its {@code
 * alerting:} config points here) and holds them for {@code /api/v2/alerts}; it notifies nobody (one
 * receiver without integrations).
 *
 * <p>Files in the state folder: {@code alertmanager/alertmanager.yml} (rewritten before every
 * start), {@code alertmanager/data/} (silences, notification log), {@code run/alertmanager.pid},
 * {@code logs/alertmanager.log}. The binary is {@value #DEBIAN_BINARY} (Debian's package {@value
 * #PACKAGE}) or {@code alertmanager} on {@code PATH}; without one the sandbox runs without
 * Alertmanager and says how to install it. Clustering is off (no gossip port).
 */
public final class AlertmanagerNode {

  /** The Debian/Ubuntu package that provides Alertmanager. */
  public static final String PACKAGE = "prometheus-alertmanager";

  /** Where that package puts the binary. */
  public static final String DEBIAN_BINARY = "/usr/bin/prometheus-alertmanager";

  /** The receiver every alert goes to: it has no integrations, so nothing is sent anywhere. */
  public static final String RECEIVER = "sandbox-null";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final SandboxConfig config;
  private final PrintStream out;

  /** A node that prints progress lines to {@code out}. */
  public AlertmanagerNode(SandboxConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  /** The Alertmanager program: Debian's, else {@code alertmanager} on {@code PATH}. */
  public static Optional<Path> binary() {
    return binary(System.getenv("PATH"), Path.of(DEBIAN_BINARY));
  }

  static Optional<Path> binary(String searchPath, Path debian) {
    if (Files.isRegularFile(debian) && Files.isExecutable(debian)) {
      return Optional.of(debian);
    }
    return PrometheusBinary.which("alertmanager", searchPath)
        .or(() -> PrometheusBinary.which(PACKAGE, searchPath));
  }

  /** What {@code up} says when there is no binary: the sandbox still runs, without it. */
  public static String missingMessage() {
    return "Alertmanager is not installed (neither "
        + DEBIAN_BINARY
        + " nor `alertmanager` on PATH): the sandbox runs without it and its alerts come from"
        + " Prometheus only. Install it with `sudo apt-get install "
        + PACKAGE
        + "` (Debian/Ubuntu) and run `hopscope sandbox up` again.";
  }

  public Path configFile() {
    return config.dir().resolve("alertmanager").resolve("alertmanager.yml");
  }

  public Path storage() {
    return config.dir().resolve("alertmanager").resolve("data");
  }

  public Path log() {
    return config.dir().resolve("logs").resolve("alertmanager.log");
  }

  /** The pid file; a pid counts only if its command line names this sandbox's config file. */
  public PidFile pidFile() {
    return new PidFile(
        config.dir().resolve("run").resolve("alertmanager.pid"), configFile().toString());
  }

  /** True when our Alertmanager process is alive and answers {@code /-/ready}. */
  public boolean isReady() {
    return pidFile().process().isPresent() && readyAnswer();
  }

  private boolean readyAnswer() {
    return Ports.httpStatus(Ports.localClient(), URI.create(config.alertmanagerUrl() + "/-/ready"))
            .orElse(0)
        == 200;
  }

  /** Writes {@code alertmanager.yml}: every alert to one receiver that sends nothing. */
  public void writeConfig() {
    String yml =
        String.join(
            "\n",
            "# written by hopscope sandbox up; rewritten at every start",
            "route:",
            "  receiver: " + RECEIVER,
            "  group_by: [alertname]",
            "  group_wait: 1s",
            "  group_interval: 5s",
            "  repeat_interval: 12h",
            "receivers:",
            "  - name: " + RECEIVER,
            "");
    try {
      Files.createDirectories(configFile().getParent());
      Files.writeString(configFile(), yml);
    } catch (IOException e) {
      throw new SandboxException("cannot write " + configFile() + ": " + e.getMessage(), e);
    }
  }

  /** Starts Alertmanager in its own session (it outlives this JVM) and waits for readiness. */
  public void start(Path binary) {
    long t0 = System.nanoTime();
    writeConfig();
    List<String> cmd =
        List.of(
            binary.toString(),
            "--config.file=" + configFile(),
            "--storage.path=" + storage(),
            "--web.listen-address=" + config.host() + ":" + config.alertmanagerPort(),
            "--cluster.listen-address=");
    Daemon.launch(
        cmd, log(), config.dir(), pidFile(), READY_TIMEOUT, this::readyAnswer, this::failure);
    out.printf(
        "Alertmanager started on %s in %.1f s%n",
        config.alertmanagerUrl(), (System.nanoTime() - t0) / 1e9);
  }

  private SandboxException failure(String what) {
    pidFile().removeIfStale();
    return new SandboxException(
        "Alertmanager "
            + what
            + " (port "
            + config.alertmanagerPort()
            + ", change it with --alertmanager-port). Last lines of its log "
            + log()
            + ":\n"
            + LogTail.of(log(), 20));
  }

  /** Stops our Alertmanager via its pid file (SIGTERM, SIGKILL after 15 s); returns the pid. */
  public Optional<Long> stop() {
    return pidFile().stop(Duration.ofSeconds(15));
  }
}
