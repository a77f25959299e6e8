package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.hopscope.model.incident.Note;
import org.hopscope.store.IncidentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --bundle} on one store and {@code incident import} on another, through the real
 * entry point and real SQLite files.
 */
class BundleCliTest {

  private static final Instant NOW = Instant.parse("2026-11-26T16:30:00Z");
  @TempDir Path dir;

  private CliRun run(String store, String... args) {
    return CliRun.run(
        Map.of(
            "HOPSCOPE_DATA_DIR",
            dir.resolve(store).toString(),
            "HOPSCOPE_CONFIG_DIR",
            dir.resolve("config").toString()),
        Clock.fixed(NOW, ZoneOffset.UTC),
        dir,
        args);
  }

  private void openIncident(String store) {
    CliRun opened =
        run(
            store,
            "incident",
            "open",
            "--title",
            "orders stuck at fulfilment",
            "--severity",
            "SEV2",
            "--from",
            "2026-11-26T15:35:00Z",
            "--to",
            "2026-11-26T16:25:00Z");
    assertThat(opened.exitCode).as(opened.err).isZero();
  }

  @Test
  void anIncidentTravelsFromOneStoreToAnotherAsABundle() throws Exception {
    openIncident("here");
    try (IncidentDatabase store =
        IncidentDatabase.open(
            dir.resolve("here").resolve(IncidentDatabase.FILE_NAME),
            Clock.fixed(NOW, ZoneOffset.UTC))) {
      store.notes().save(1, Note.Scope.INCIDENT, "", "call jane.doe@example.com back");
    }
    CliRun export = run("here", "export", "--incident", "1", "--bundle", "out/one.hopscope");
    assertThat(export.exitCode).as(export.toString()).isZero();
    Path file = dir.resolve("out/one.hopscope");
    assertThat(export.out)
        .isEqualTo(
            "wrote "
                + file
                + ": incident #1, 7 entries, bundle format 1\n"
                + "masked with the post-mortem's rules (docs/bundles.md)\n");

    CliRun again = run("here", "export", "--incident", "1", "--bundle", "out/one.hopscope");
    assertThat(again.exitCode).isEqualTo(2);
    assertThat(again.err)
        .isEqualTo(
            "hopscope: "
                + file
                + " exists; choose another file or replace it on purpose (export --force)\n");
    CliRun unmasked =
        run(
            "here",
            "export",
            "--incident",
            "1",
            "--bundle",
            "out/one.hopscope",
            "--force",
            "--unmasked");
    assertThat(unmasked.exitCode).as(unmasked.toString()).isZero();
    assertThat(unmasked.out)
        .endsWith(
            "UNMASKED: holds everything as recorded, chart images included; share it with"
                + " care\n");

    openIncident("there");
    CliRun imported = run("there", "incident", "import", "out/one.hopscope");
    assertThat(imported.exitCode).as(imported.toString()).isZero();
    assertThat(imported.out).isEqualTo("2\n");
    assertThat(imported.err)
        .isEqualTo(
            "imported "
                + file
                + " as incident #2: orders stuck at fulfilment (imported)"
                + " (hopscope incident show 2)\n");
    CliRun show = run("there", "incident", "show", "2");
    assertThat(show.out)
        .contains("#2 orders stuck at fulfilment (imported)  SEV2 OPEN  orders")
        .contains(
            "  2026-11-26T16:30:00Z  IMPORTED        imported from bundle one.hopscope, exported by"
                + " unknown at 2026-11-26T16:30:00Z (incident #1 of "
                + dir.resolve("here/hopscope.db")
                + ", unmasked) (unknown)\n");

    CliRun twice = run("there", "incident", "import", "out/one.hopscope");
    assertThat(twice.exitCode).isEqualTo(2);
    assertThat(twice.err)
        .isEqualTo(
            "hopscope: "
                + file
                + " was imported before, as incident #2; nothing was imported"
                + " (import it again on purpose for a second copy: incident import --again)\n");
    CliRun copy = run("there", "incident", "import", "out/one.hopscope", "--again");
    assertThat(copy.out).isEqualTo("3\n");
  }

  @org.hopscope.faults.Fault(org.hopscope.faults.Fault.Area.ARGUMENTS)
  @Test
  void badArgumentsAndBadBundlesSayWhatIsWrong() throws Exception {
    openIncident("here");
    CliRun both =
        run("here", "export", "--incident", "1", "--out", "a.md", "--bundle", "a.hopscope");
    assertThat(both.exitCode).isEqualTo(2);
    assertThat(both.err)
        .isEqualTo(
            "hopscope: give --out FILE.md (the post-mortem draft) or --bundle FILE.hopscope (the"
                + " incident), one of them\n");
    CliRun unmaskedDraft = run("here", "export", "--incident", "1", "--out", "a.md", "--unmasked");
    assertThat(unmaskedDraft.err)
        .isEqualTo("hopscope: --unmasked and --force go with --bundle only\n");
    Files.writeString(dir.resolve("bad.hopscope"), "not a zip");
    CliRun bad = run("here", "incident", "import", "bad.hopscope");
    assertThat(bad.exitCode).isEqualTo(2);
    assertThat(bad.err)
        .isEqualTo(
            "hopscope: "
                + dir.resolve("bad.hopscope")
                + " is not a Hopscope bundle: it is not a"
                + " zip file\n");
    assertThat(run("here", "incident", "list").out.lines().count()).isEqualTo(2);
  }
}
