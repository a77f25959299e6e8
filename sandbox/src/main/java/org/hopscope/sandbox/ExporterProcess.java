package org.hopscope.sandbox;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The live metrics exporter as a separate JVM that outlives the one running {@code up}: {@code JAVA
 * -cp CLASSPATH org.hopscope.sandbox.SandboxMain exporter --dir DIR --exporter-port PORT}, with
 * {@code JAVA} and {@code CLASSPATH} of the current JVM. Pid file {@code run/exporter.pid}, log
 * {@code logs/exporter.log} in the state folder.
 */
public final class ExporterProcess {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

  private final SandboxConfig config;

  public ExporterProcess(SandboxConfig config) {
    this.config = config;
  }

  public Path log() {
    return config.dir().resolve("logs").resolve("exporter.log");
  }

  /** The pid file; a pid counts only if its command line is an exporter of this state folder. */
  public PidFile pidFile() {
    return new PidFile(config.dir().resolve("run").resolve("exporter.pid"), marker());
  }

  /**
   * What identifies our exporter in its command line. It stands first: the JDK reads only the first
   * 4 KiB of /proc/PID/cmdline, and a test JVM's class path alone is longer than that.
   */
  private String marker() {
    return "-Dhopscope.sandbox.exporter=" + config.dir() + " ";
  }

  /** The command line that starts the exporter. */
  public List<String> command() {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        marker().strip(),
        "-Xmx128m",
        "-cp",
        absoluteClassPath(),
        SandboxMain.class.getName(),
        "exporter",
        "--dir",
        config.dir().toString(),
        "--exporter-port",
        Integer.toString(config.exporterPort()));
  }

  /** This JVM's class path with every entry made absolute (the exporter runs in DIR). */
  static String absoluteClassPath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path", "").split(java.io.File.pathSeparator))
        .filter(e -> !e.isBlank())
        .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  private URI metrics() {
    return URI.create(config.exporterUrl() + "/metrics");
  }

  /** True when our exporter process is alive and {@code /metrics} answers 200. */
  public boolean isReady() {
    return pidFile().process().isPresent() && answers();
  }

  private boolean answers() {
    return Ports.httpStatus(Ports.localClient(), metrics()).orElse(0) == 200;
  }

  /** Starts the exporter and waits until {@code /metrics} answers 200; prints a progress line. */
  public void start(PrintStream out) {
    long t0 = System.nanoTime();
    if (System.getProperty("java.class.path", "").isBlank()) {
      throw new SandboxException("cannot start the exporter: this JVM has no java.class.path");
    }
    Daemon.launch(
        command(), log(), config.dir(), pidFile(), READY_TIMEOUT, this::answers, this::failure);
    out.printf("Exporter started on %s in %.1f s%n", metrics(), (System.nanoTime() - t0) / 1e9);
  }

  private SandboxException failure(String what) {
    pidFile().removeIfStale();
    return new SandboxException(
        "the metrics exporter "
            + what
            + " (port "
            + config.exporterPort()
            + ", change it with --exporter-port). Last lines of its log "
            + log()
            + ":\n"
            + LogTail.of(log(), 20));
  }

  /** Stops our exporter via its pid file (SIGTERM, SIGKILL after 15 s); returns the pid. */
  public Optional<Long> stop() {
    return pidFile().stop(Duration.ofSeconds(15));
  }
}
