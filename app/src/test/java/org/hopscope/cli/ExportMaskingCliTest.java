package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.report.SecretLeaks;
import org.hopscope.report.SecretLeaks.Leak;
import org.hopscope.store.IncidentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: an incident in a real SQLite store whose notes, log lines (timeline entries),
 * evidence and step outcomes hold every secret of issue 13 and hostile HTML, exported with {@code
 * hopscope export}; the file has no trace of any secret, shows every mask, and no HTML.
 */
@Fault(Fault.Area.MASKING)
class ExportMaskingCliTest {

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

  @Test
  void theExportedFileHoldsNoSecretAndNoHtml() throws Exception {
    CliRun opened =
        run(
            "incident",
            "open",
            "--title",
            "orders stuck <script>alert(1)</script>",
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

    List<Leak> leaks = SecretLeaks.all();
    Path db = dir.resolve("data").resolve(IncidentDatabase.FILE_NAME);
    try (IncidentDatabase store = IncidentDatabase.open(db, Clock.fixed(NOW, ZoneOffset.UTC))) {
      store
          .notes()
          .save(
              id,
              Note.Scope.INCIDENT,
              "",
              "## Summary\nPool exhausted <img src=x onerror=alert(1)>.\n## Went badly\n"
                  + leaks.get(0).text()
                  + "\n");
      for (int i = 1; i < leaks.size(); i++) {
        String text = leaks.get(i).text();
        switch (i % 3) {
          case 0 -> store.notes().save(id, Note.Scope.MESSAGE, "ord-" + i, text);
          case 1 -> store.timeline().append(id, TimelineEntry.Kind.SEARCH, "oncall", text, "{}");
          default ->
              store
                  .evidence()
                  .save(
                      id,
                      Evidence.Kind.FLOW_JSON,
                      "flow ord-" + i,
                      text,
                      "application/json",
                      ("{\"verdict\":\"STUCK\",\"ids\":[\"jürgen@exämple.de\"],"
                              + "\"password\":\"hunter2-Xq9\",\"hops\":[{\"name\":\"<svg/onload=x>\"}]}")
                          .getBytes(StandardCharsets.UTF_8));
        }
      }
      store.stepStates().recordOutcome(id, "lag", "check", "authorization: bearer tok-abc123xyz");
    }

    CliRun export = run("export", "--incident", String.valueOf(id), "--out", "pm/postmortem.md");
    assertThat(export.exitCode).as(export.err).isZero();
    String md = Files.readString(dir.resolve("pm/postmortem.md"));

    for (int i = 0; i < leaks.size(); i++) {
      Leak leak = leaks.get(i);
      String masked =
          switch (i == 0 ? 0 : i % 3) {
            case 0 -> SecretLeaks.entities(leak.masked());
            case 1 -> SecretLeaks.inlineEscaped(leak.masked());
            default -> leak.masked();
          };
      assertThat(md).as(leak.name()).doesNotContain(leak.secret()).contains(masked);
    }
    assertThat(md)
        .doesNotContain("jürgen", "hunter2-Xq9", "tok-abc123xyz")
        .contains("- IDs: j\\*\\*\\*@exämple.de\n")
        .contains("| authorization: bearer \\*\\*\\* |")
        .startsWith("# Post-mortem: orders stuck &lt;script&gt;alert(1)&lt;/script&gt;\n")
        .contains("Pool exhausted &lt;img src=x onerror=alert(1)&gt;.")
        .contains("- Hops: &lt;svg/onload=x&gt; \n");
    assertThat(SecretLeaks.outsideFences(md)).doesNotContain("<").doesNotContain(">");
  }
}
