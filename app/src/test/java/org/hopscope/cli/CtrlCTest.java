package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.FakeBackend;
import org.hopscope.faults.Fault;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.IncidentDesk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C for real: the command line runs as a child JVM against a silent backend (request timeout
 * 60 s), gets SIGINT ({@code kill -INT}) while it waits, and must exit 130 at once with its last
 * words on stderr and nothing half-written.
 *
 * <p>The child is started through {@code env --default-signal=INT}: a JVM whose parent ignores
 * SIGINT (a background job, some CI runners) inherits that and would never see it. The bound on the
 * exit (10 s after the signal) is generous on purpose for a loaded machine; without the fix the
 * wait would be the 60 s request timeout or the command would exit without its last words.
 */
@Fault(Fault.Area.WAITS)
class CtrlCTest {

  private static final Duration BOUND = Duration.ofSeconds(10);

  @TempDir Path data;

  @BeforeAll
  static void envResetsSignals() throws Exception {
    Process p = new ProcessBuilder("env", "--default-signal=INT", "true").start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0)
        .as("env --default-signal (GNU coreutils 8.31+) is needed to give the child SIGINT")
        .isTrue();
  }

  /** What the child printed and how it ended. */
  private record Ended(int exitCode, String out, String err) {}

  /** Starts {@code hopscope ARGS}, waits for {@code backend} to be asked, sends SIGINT. */
  private Ended interrupt(FakeBackend backend, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("env");
    command.add("--default-signal=INT");
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dhopscope.home=" + System.getProperty("hopscope.home"));
    command.add("-Dhopscope.config.dir=" + data.resolve("config"));
    command.add("org.hopscope.cli.Main");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("HOPSCOPE_"));
    builder.environment().putAll(slow());
    Path out = data.resolve("out.txt");
    Path err = data.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process child = builder.start();
    try {
      assertThat(backend.awaitRequests(1, Duration.ofSeconds(90)))
          .as("the command asked the backend; stderr: %s", read(err))
          .isTrue();
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
      assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS))
          .as("ended within %s of Ctrl-C; stderr: %s", BOUND, read(err))
          .isTrue();
      return new Ended(child.exitValue(), read(out), read(err));
    } finally {
      child.destroyForcibly();
    }
  }

  private Map<String, String> slow() {
    return Map.of(
        "HOPSCOPE_DATA_DIR", data.toString(),
        "HOPSCOPE_ES_REQUEST_TIMEOUT", "60s",
        "HOPSCOPE_PROMETHEUS_REQUEST_TIMEOUT", "60s");
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  @Test
  void ctrlCEndsAStuckAnalysisWaitingOnASilentCluster() throws Exception {
    try (FakeBackend es = FakeBackend.silent()) {
      Ended run = interrupt(es, "stuck", "--path", "orders", "--from", "now-1h", "--es", es.url());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("hopscope: cancelled (Ctrl-C); nothing more was written\n");
    }
  }

  @Test
  void ctrlCEndsAFlowWaitingOnASilentCluster() throws Exception {
    try (FakeBackend es = FakeBackend.silent()) {
      Ended run =
          interrupt(es, "flow", "--path", "orders", "--id", "ord-1", "--json", "--es", es.url());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
      assertThat(run.out()).isEmpty();
      assertThat(run.err()).isEqualTo("hopscope: cancelled (Ctrl-C); nothing more was written\n");
    }
  }

  @Test
  void ctrlCDuringAPlaybookRunRecordsTheFinishedChecksAndTheInterruption() throws Exception {
    CliRun opened =
        CliRun.run(
            Map.of("HOPSCOPE_DATA_DIR", data.toString()),
            "incident",
            "open",
            "--title",
            "lag",
            "--from",
            "2026-11-26T10:00:00Z",
            "--to",
            "2026-11-26T12:00:00Z");
    assertThat(opened.exitCode).as(opened.toString()).isZero();
    String incident = opened.out.strip();
    try (FakeBackend prometheus =
            FakeBackend.answering(
                200,
                "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        FakeBackend es = FakeBackend.silent()) {
      // consumer-lag: three Prometheus checks (answered), then two Elasticsearch counts (silent)
      Ended run =
          interrupt(
              es,
              "playbook",
              "run",
              "consumer-lag",
              "--var",
              "hop=fulfilment-service",
              "--incident",
              incident,
              "--es",
              es.url(),
              "--prometheus",
              prometheus.url());
      assertThat(run.exitCode()).as(run.toString()).isEqualTo(130);
      assertThat(run.err())
          .endsWith(
              "hopscope: interrupted (Ctrl-C) after 3 of 5 checks; recorded on incident "
                  + incident
                  + " with the 3 finished\n");
    }
    try (IncidentDesk desk =
        IncidentDesk.open(
            IncidentDesk.defaultFile(
                Map.of("HOPSCOPE_DATA_DIR", data.toString()), new java.util.Properties()),
            Clock.systemUTC(),
            "test")) {
      List<String> checks =
          desk.timeline(Long.parseLong(incident)).stream()
              .filter(e -> e.kind() == TimelineEntry.Kind.CHECK)
              .map(TimelineEntry::summary)
              .toList();
      assertThat(checks).hasSize(4);
      assertThat(checks.subList(0, 3)).allMatch(s -> s.startsWith("consumer-lag/"));
      assertThat(checks.get(3))
          .isEqualTo("consumer-lag: run interrupted (Ctrl-C) after 3 of 5 checks");
    }
  }
}
