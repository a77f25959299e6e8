package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.store.IncidentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code incident open|list|show|resolve} and {@code export} on a real SQLite file. */
class IncidentExportCliTest {

  private static final Instant NOW = Instant.parse("2026-11-26T16:30:00Z");
  @TempDir Path dir;

  private CliRun run(String... args) {
    return CliRun.run(
        Map.of(
            "HOPSCOPE_DATA_DIR",
            dir.resolve("data").toString(),
            "HOPSCOPE_CONFIG_DIR",
            dir.resolve("config").toString()),
        Clock.fixed(NOW, ZoneOffset.UTC),
        dir,
        args);
  }

  @org.hopscope.faults.Fault(org.hopscope.faults.Fault.Area.MASKING)
  @Test
  void anIncidentIsOpenedListedResolvedAndExportedWithPiiMasked() throws Exception {
    CliRun opened =
        run(
            "incident",
            "open",
            "--title",
            "orders stuck at fulfilment",
            "--severity",
            "SEV2",
            "--path",
            "orders",
            "--from",
            "2026-11-26T15:35:00Z",
            "--to",
            "2026-11-26T16:25:00Z");
    assertThat(opened.exitCode).as(opened.err).isZero();
    long id = Long.parseLong(opened.out.strip());
    assertThat(id).isEqualTo(1);

    Path db = dir.resolve("data").resolve(IncidentDatabase.FILE_NAME);
    try (IncidentDatabase store = IncidentDatabase.open(db, Clock.fixed(NOW, ZoneOffset.UTC))) {
      store
          .timeline()
          .append(
              id,
              TimelineEntry.Kind.SEARCH,
              "oncall",
              "flow ord-1: STUCK at fulfilment-service",
              "{}");
      store
          .notes()
          .save(
              id,
              Note.Scope.INCIDENT,
              "",
              "## Summary\nCustomer jane.doe@example.com could not order; card 4111 1111 1111 1111.\n");
    }

    CliRun list = run("incident", "list", "--search", "fulfil");
    assertThat(list.exitCode).isZero();
    assertThat(list.out.lines().skip(1).toList())
        .containsExactly(
            String.format(
                "%-5d %-5s %-9s %-22s %s",
                1, "SEV2", "OPEN", NOW.toString(), "orders stuck at fulfilment"));

    CliRun resolved = run("incident", "resolve", "1");
    assertThat(resolved.out.strip()).isEqualTo("#1 RESOLVED at " + NOW);

    CliRun show = run("incident", "show", "1");
    assertThat(show.out).contains("SEARCH", "flow ord-1: STUCK at fulfilment-service");

    CliRun export = run("export", "--incident", "1", "--out", "pm/postmortem.md");
    assertThat(export.exitCode).as(export.err).isZero();
    String md = Files.readString(dir.resolve("pm/postmortem.md"));
    assertThat(md)
        .contains("orders stuck at fulfilment", "SEV2", "flow ord-1: STUCK at fulfilment-service")
        .contains("j***@example.com", "**** **** **** 1111")
        .doesNotContain("jane.doe@example.com", "4111 1111 1111 1111");
    try (IncidentDatabase store = IncidentDatabase.open(db, Clock.fixed(NOW, ZoneOffset.UTC))) {
      assertThat(store.incidents().get(1).orElseThrow().status())
          .isEqualTo(Incident.Status.RESOLVED);
    }
  }

  @Test
  void unknownIncidentSaysSoAndWhereToLook() {
    CliRun r = run("export", "--incident", "42", "--out", "x.md");
    assertThat(r.exitCode).isEqualTo(2);
    assertThat(r.err).contains("no incident #42 in ").contains("(see: hopscope incident list)");
    assertThat(Files.exists(dir.resolve("x.md"))).isFalse();
  }
}
