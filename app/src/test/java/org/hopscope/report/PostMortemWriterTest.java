package org.hopscope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostMortemWriterTest {

  private static final Instant T0 = Instant.parse("2026-11-26T23:50:00Z");

  private static Incident openIncident(Instant detectedAt) {
    return new Incident(
        7,
        "DLQ | growing *fast*",
        Incident.Severity.SEV3,
        "orders",
        new TimeWindow(T0, T0.plusSeconds(3600)),
        Incident.Status.OPEN,
        T0.plusSeconds(600),
        detectedAt,
        null,
        null,
        "carol");
  }

  @Test
  void anEmptyOpenIncidentSaysWhatIsMissing() throws IOException {
    PostMortemInput input =
        new PostMortemInput(openIncident(null), List.of(), List.of(), List.of(), List.of(), null);
    String md = PostMortemWriter.write(input, Masking.defaults(), (p, b) -> {});
    assertThat(md)
        .startsWith("# Post-mortem: DLQ \\| growing \\*fast\\*\n")
        .contains("| Status | OPEN |\n")
        .contains(
            "| Time to detect | unknown |\n| Time to mitigate | unknown |\n"
                + "| Time to resolve | unknown |\n")
        .contains(
            "## Summary\n\n_Not written yet: add a `## Summary` section to the incident"
                + " note._\n")
        .contains(
            "## Impact\n\n_No stuck analysis was saved for this incident; message counts"
                + " are unknown._\n")
        .contains("## Timeline\n\n_Nothing was recorded._\n")
        .contains(
            "## Action items\n\n_None yet: add `- [ ] what (owner: name, ticket: ID)` lines"
                + " under `## Action items` in the incident note._\n")
        .contains("## Evidence\n\n_No evidence was saved during the incident._\n")
        .doesNotContain("## Further notes")
        .endsWith("_No evidence was saved during the incident._\n");
  }

  @Test
  void detectionBeforeTheWindowIsNotANegativeDuration() throws IOException {
    PostMortemInput input =
        new PostMortemInput(
            openIncident(T0.minusSeconds(5)), List.of(), List.of(), List.of(), List.of(), null);
    assertThat(PostMortemWriter.write(input, Masking.defaults(), (p, b) -> {}))
        .contains("| Time to detect | unknown (no impact start before 2026-11-26 23:49:55 UTC) |");
  }

  @Test
  void timelineHasAHeadingPerUtcDay() throws IOException {
    List<TimelineEntry> timeline =
        List.of(
            new TimelineEntry(
                2,
                7,
                T0.plusSeconds(900),
                TimelineEntry.Kind.NOTE,
                "carol",
                "after\nmidnight",
                "{}"),
            new TimelineEntry(1, 7, T0, TimelineEntry.Kind.OPENED, null, "opened", "{}"));
    PostMortemInput input =
        new PostMortemInput(openIncident(T0), timeline, List.of(), List.of(), List.of(), null);
    assertThat(PostMortemWriter.write(input, Masking.none(), (p, b) -> {}))
        .contains(
            "## Timeline\n\n**2026-11-26**\n\n- 23:50:00 UTC — opened\n\n**2026-11-27**\n\n"
                + "- 00:05:00 UTC — after midnight (carol)\n");
  }

  @Test
  void noteConventionsIgnoreHeadingsInCodeAndKeepUnknownSections() throws IOException {
    String text =
        "intro\n## Root cause:\n```\n## Trigger\n```\n## Went Wrong\n- late page\n"
            + "## Action Items\n- fix (owner: dan) \n- [X] page (ticket: OPS-1)\n## Extra\nkept\n";
    Note note = new Note(1, 7, Note.Scope.INCIDENT, "", text, T0);
    PostMortemInput input =
        new PostMortemInput(openIncident(T0), List.of(), List.of(note), List.of(), List.of(), null);
    assertThat(PostMortemWriter.write(input, Masking.none(), (p, b) -> {}))
        .contains("## Summary\n\nintro\n")
        .contains("### Root cause\n\n```\n## Trigger\n```\n")
        .contains("### Trigger\n\n_Not written yet")
        .contains("## What went badly\n\n- late page\n")
        .contains("| 1 | fix | dan | none | no |\n| 2 | page | unassigned | OPS-1 | yes |\n")
        .contains("## Further notes\n\n### Extra\nkept\n");
  }

  @Test
  @Fault(Fault.Area.MASKING)
  void evidenceThatIsNotJsonIsNotShown() throws IOException {
    Evidence blob =
        new Evidence(
            1,
            7,
            Evidence.Kind.FLOW_JSON,
            "broken",
            null,
            T0,
            "application/json",
            "{not json jane@example.com".getBytes(StandardCharsets.UTF_8));
    PostMortemInput input =
        new PostMortemInput(openIncident(T0), List.of(), List.of(), List.of(), List.of(blob), null);
    assertThat(PostMortemWriter.write(input, Masking.defaults(), (p, b) -> {}))
        .contains(
            "### 1. broken\n\n- Kind: flow snapshot\n- Saved: 2026-11-26 23:50:00 UTC\n"
                + "- Content: 26 bytes of application/json, not JSON; not shown\n")
        .doesNotContain("jane");
  }

  @Test
  void exportWritesTheMarkdownAndItsImages(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("incident-42.md");
    String md =
        PostMortemExport.toFile(SandboxIncident.input(), PostMortemGoldenTest.masking(), out);
    assertThat(Files.readString(out)).isEqualTo(md);
    assertThat(
            Files.readAllBytes(dir.resolve("images/2-fulfilment-service-processing-outcomes.png")))
        .isEqualTo(SandboxIncident.CHART_PNG);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("images", "incident-42.md");
    }
  }

  @Test
  void aFailingImageStoreFailsTheExport() {
    assertThatThrownBy(
            () ->
                PostMortemWriter.write(
                    SandboxIncident.input(),
                    Masking.defaults(),
                    (p, b) -> {
                      throw new IOException("disk full: " + p);
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full: images/2-fulfilment-service-processing-outcomes.png");
  }
}
