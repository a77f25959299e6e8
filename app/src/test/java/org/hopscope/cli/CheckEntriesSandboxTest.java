package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.incident.IncidentStepRecorder;
import org.hopscope.ui.incident.IncidentViewModel;
import org.hopscope.ui.playbook.PlaybookViewModel;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same check recorded by both faces lands as the same timeline entry: {@code playbook run
 * dead-letters --incident 1} on the command line, and the client's walk-through (its check runner
 * as the app binds it, recorded through {@link IncidentStepRecorder}) on incident 2 of the same
 * store, both against the seeded sandbox as of its "now".
 */
@ExtendWith(SandboxExtension.class)
class CheckEntriesSandboxTest {

  /** CliRun passes no {@code user.name}, so the command line records as this user. */
  private static final String CLI_USER = IncidentDesk.user(new Properties());

  @TempDir Path data;

  @Test
  void aCheckFromTheCommandLineAndFromTheClientIsTheSameEntry(TestSandbox sandbox) {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant now = Instant.parse(manifest.now());
    Path file = data.resolve("hopscope.db");
    long cliIncident;
    long clientIncident;
    try (IncidentDesk desk = IncidentDesk.open(file, Clock.systemUTC(), CLI_USER)) {
      cliIncident = desk.open("dead letters (cli)", Incident.Severity.SEV2, "orders", null).id();
      clientIncident = desk.open("dead letters (gui)", Incident.Severity.SEV2, "orders", null).id();
    }

    CliRun cli =
        CliRun.run(
            Map.of("HOPSCOPE_DATA_DIR", data.toString()),
            "playbook",
            "run",
            "dead-letters",
            "--es",
            sandbox.state().elasticsearchUrl(),
            "--prometheus",
            sandbox.state().prometheusUrl(),
            "--at",
            now.toString(),
            "--incident",
            Long.toString(cliIncident));
    assertThat(cli.exitCode).as("%s", cli).isEqualTo(0);

    try (Engine engine = UiSandbox.engine(sandbox);
        IncidentDesk desk = IncidentDesk.open(file, Clock.systemUTC(), CLI_USER)) {
      SynchronousTaskRunner runner = new SynchronousTaskRunner();
      Clock at = Clock.fixed(now, ZoneOffset.UTC);
      IncidentViewModel incidents = new IncidentViewModel(desk, runner, null);
      incidents.select(clientIncident);
      PlaybookViewModel walk =
          new PlaybookViewModel(
              PlaybookCatalog.readDirectory(UiSandbox.queriesDir().resolveSibling("playbooks")),
              (step, vars, asOf, c) ->
                  engine.check(UiSandbox.ordersPath(), step, vars, asOf, c).result(),
              new IncidentStepRecorder(incidents),
              runner,
              at,
              CLI_USER);
      assertThat(walk.choose("dead-letters", Map.of())).isTrue();
      walk.runCheck();

      TimelineEntry fromClient = onlyCheck(desk.timeline(clientIncident));
      TimelineEntry fromCli =
          desk.timeline(cliIncident).stream()
              .filter(e -> e.summary().equals(fromClient.summary()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new AssertionError(
                          "no CLI entry " + fromClient + " in " + desk.timeline(cliIncident)));
      assertThat(fromClient.summary())
          .startsWith(
              "dead-letters/dlq-growth: FAIL, " + manifest.classes().get("DEAD_LETTERED").count())
          .endsWith(" (pass when < 1) as of " + org.hopscope.oncall.IncidentEntries.asOfText(now));
      assertThat(List.of(fromCli.kind(), fromCli.actor(), fromCli.summary(), fromCli.detail()))
          .containsExactly(
              fromClient.kind(), fromClient.actor(), fromClient.summary(), fromClient.detail());
      assertThat(fromClient.detail())
          .startsWith(
              "{\"playbook\":\"dead-letters\",\"step\":\"dlq-growth\",\"query\":\"sum(increase(");
    }
  }

  private static TimelineEntry onlyCheck(List<TimelineEntry> timeline) {
    List<TimelineEntry> checks =
        timeline.stream().filter(e -> e.kind() == TimelineEntry.Kind.CHECK).toList();
    assertThat(checks).hasSize(1);
    return checks.get(0);
  }
}
