package org.hopscope.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The sandbox's Prometheus process: own config and TSDB folder, scrapes the live exporter.
 *
 * <p>Files in the state folder: {@code prometheus/prometheus.yml} and {@code prometheus/rules.yml}
 * (the alerting rules, {@link SandboxAlertRules}; both rewritten before every start, and reloaded
 * by {@link #refreshConfig} when they changed), {@code prometheus/data/} (TSDB, 30 days retention),
 * {@code run/prometheus.pid}, {@code logs/prometheus.log}. The binary is {@code prometheus} from
 * {@code PATH} (see {@link PrometheusBinary}). The scrape job {@value #JOB} labels every series
 * {@code instance="sandbox"} so that live samples continue the backfilled history.
 */
public final class PrometheusNode {

  /** The scrape job name of the exporter, as in the backfilled history. */
  public static final String JOB = "orders-sandbox";

  /** The fixed {@code instance} label of the exporter's series. */
  public static final String INSTANCE = "sandbox";

  private static final Pattern ULID = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final SandboxConfig config;
  private final PrintStream out;

  public PrometheusNode(SandboxConfig config) {
    this(config, System.out);
  }

  /** A node that prints progress lines to {@code out}. */
  public PrometheusNode(SandboxConfig config, PrintStream out) {
    this.config = config;
    this.out = out;
  }

  public Path configFile() {
    return config.dir().resolve("prometheus").resolve("prometheus.yml");
  }

  public Path rulesFile() {
    return configFile().resolveSibling("rules.yml");
  }

  public Path tsdb() {
    return config.dir().resolve("prometheus").resolve("data");
  }

  public Path log() {
    return config.dir().resolve("logs").resolve("prometheus.log");
  }

  /** The pid file; a pid counts only if its command line names this sandbox's config file. */
  public PidFile pidFile() {
    return new PidFile(
        config.dir().resolve("run").resolve("prometheus.pid"), configFile().toString());
  }

  /** True when our Prometheus process is alive and answers {@code /-/ready}. */
  public boolean isReady() {
    return pidFile().process().isPresent() && readyAnswer();
  }

  private boolean readyAnswer() {
    return Ports.httpStatus(Ports.localClient(), URI.create(config.prometheusUrl() + "/-/ready"))
            .orElse(0)
        == 200;
  }

  /**
   * Writes {@code prometheus.yml} (one job scraping the exporter every 5 s, rules evaluated every 5
   * s, alerts sent to the sandbox's Alertmanager when one is installed) and {@code rules.yml}.
   *
   * @return whether either file changed
   */
  public boolean writeConfig() {
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "# written by hopscope sandbox up; rewritten at every start",
                "global:",
                "  scrape_interval: 5s",
                "  evaluation_interval: 5s",
                "rule_files:",
                "  - " + rulesFile().getFileName(),
                "scrape_configs:",
                "  - job_name: " + JOB,
                "    scrape_interval: 5s",
                "    static_configs:",
                "      - targets: ['" + config.host() + ":" + config.exporterPort() + "']",
                "    relabel_configs:",
                "      - target_label: instance",
                "        replacement: " + INSTANCE));
    if (AlertmanagerNode.binary().isPresent()) {
      lines.addAll(
          List.of(
              "alerting:",
              "  alertmanagers:",
              "    - static_configs:",
              "        - targets: ['" + config.host() + ":" + config.alertmanagerPort() + "']"));
    }
    lines.add("");
    String yml = String.join("\n", lines);
    try {
      boolean changed =
          !Files.isRegularFile(configFile())
              || !Files.readString(configFile()).equals(yml)
              || !Files.isRegularFile(rulesFile())
              || !Files.readString(rulesFile()).equals(SandboxAlertRules.yaml());
      Files.createDirectories(configFile().getParent());
      Files.writeString(configFile(), yml);
      SandboxAlertRules.write(rulesFile());
      return changed;
    } catch (IOException e) {
      throw new SandboxException("cannot write " + configFile() + ": " + e.getMessage(), e);
    }
  }

  /**
   * For a Prometheus that already runs: rewrites its config and rules and, when they changed (a
   * newer Hopscope, Alertmanager installed since), makes it reload them (SIGHUP).
   *
   * @return whether it was asked to reload
   */
  public boolean refreshConfig() {
    if (!writeConfig()) {
      return false;
    }
    long pid =
        pidFile()
            .runningPid()
            .orElseThrow(() -> new SandboxException("Prometheus is not running; run up again."));
    // the shell's own kill: no procps needed
    ToolRun.Result r = ToolRun.of(List.of("/bin/sh", "-c", "kill -HUP " + pid)).result();
    if (!r.ok()) {
      throw new SandboxException(
          "cannot make Prometheus (pid " + pid + ") reload its config: " + r.output());
    }
    out.println("Prometheus reloads its changed config and alerting rules (" + rulesFile() + ")");
    return true;
  }

  /** Starts Prometheus in its own session (it outlives this JVM) and waits for {@code /-/ready}. */
  public void start(PrometheusBinary binary) {
    long t0 = System.nanoTime();
    writeConfig();
    List<String> cmd =
        List.of(
            binary.prometheus().toString(),
            "--config.file=" + configFile(),
            "--storage.tsdb.path=" + tsdb(),
            "--storage.tsdb.retention.time=30d",
            "--web.listen-address=" + config.host() + ":" + config.prometheusPort());
    Daemon.launch(
        cmd, log(), config.dir(), pidFile(), READY_TIMEOUT, this::readyAnswer, this::failure);
    out.printf(
        "Prometheus %s started on %s in %.1f s%n",
        binary.version(), config.prometheusUrl(), (System.nanoTime() - t0) / 1e9);
  }

  private SandboxException failure(String what) {
    pidFile().removeIfStale();
    return new SandboxException(
        "Prometheus "
            + what
            + " (port "
            + config.prometheusPort()
            + ", change it with"
            + " --prometheus-port). Last lines of its log "
            + log()
            + ":\n"
            + LogTail.of(log(), 20));
  }

  /** Stops our Prometheus via its pid file (SIGTERM, SIGKILL after 30 s); returns the pid. */
  public Optional<Long> stop() {
    return pidFile().stop(Duration.ofSeconds(30));
  }

  /**
   * Replaces the recorded history: stops Prometheus if running, empties its TSDB folder, moves the
   * TSDB blocks found in {@code blocksDir} (as written by {@code promtool tsdb create-blocks-from
   * openmetrics}) into it, and starts Prometheus again, waiting until it is ready. Afterwards
   * queries over the recorded window answer at once.
   */
  public void replaceHistory(Path blocksDir) {
    PrometheusBinary binary = PrometheusBinary.find();
    stop();
    try (Stream<Path> children = Files.list(blocksDir)) {
      List<Path> blocks =
          children
              .filter(
                  p -> Files.isDirectory(p) && ULID.matcher(p.getFileName().toString()).matches())
              .toList();
      Tree.delete(tsdb());
      Files.createDirectories(tsdb());
      for (Path block : blocks) {
        Tree.move(block, tsdb().resolve(block.getFileName().toString()));
      }
      out.printf("Prometheus history replaced: %d block(s) from %s%n", blocks.size(), blocksDir);
    } catch (IOException e) {
      throw new SandboxException(
          "cannot move the TSDB blocks from "
              + blocksDir
              + " into "
              + tsdb()
              + ": "
              + e.getMessage(),
          e);
    }
    start(binary);
  }
}
