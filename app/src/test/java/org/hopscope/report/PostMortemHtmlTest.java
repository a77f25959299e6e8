package org.hopscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.hopscope.model.HopCounts;
import org.hopscope.model.Notice;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.model.incident.TimelineEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTML from notes, log lines and backends lands in the exported Markdown as text wherever it comes
 * from: no {@code <} or {@code >} outside fenced code (where renderers show it as text anyway).
 */
@Fault(Fault.Area.MASKING)
class PostMortemHtmlTest {

  private static final Instant T0 = Instant.parse("2026-11-26T23:50:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Where hostile text lands. */
  enum Place {
    TITLE,
    PATH,
    OPENED_BY,
    SUMMARY,
    FURTHER_NOTES,
    ACTION_ITEM,
    NOTE_TIMELINE_LINE,
    HOP_NOTE,
    NOTE_KEY,
    TIMELINE_SUMMARY,
    TIMELINE_ACTOR,
    STEP_OUTCOME,
    EVIDENCE_TITLE,
    FLOW_IDS_AND_HOPS,
    IMPACT_PATH_HOP_AND_WARNING,
    EVIDENCE_QUERY
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String html : SecretLeaks.hostileHtml()) {
      for (Place place : Place.values()) {
        cases.add(Arguments.of(html, place));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("cases")
  void htmlIsShownAsText(String html, Place place) throws IOException {
    String markdown = PostMortemWriter.write(input(place, html), Masking.defaults(), (p, b) -> {});

    String outside = SecretLeaks.outsideFences(markdown);
    assertThat(outside).doesNotContain("<").doesNotContain(">");
    if (place == Place.EVIDENCE_QUERY) {
      assertThat(markdown).contains("  ```\n  " + html + "\n  ```\n");
    } else {
      assertThat(outside).contains(SecretLeaks.entities(html));
    }
  }

  @Test
  void aFenceLeftOpenInOneNoteCannotUnfenceTheNext() throws IOException {
    Note first = new Note(1, 7, Note.Scope.HOP, "a", "see\n```\nunclosed", T0);
    Note second =
        new Note(2, 7, Note.Scope.HOP, "b", "````\n<script>alert(1)</script>\n````\nafter", T0);
    Note third =
        new Note(3, 7, Note.Scope.HOP, "c", "text\n  ```\n<img src=x onerror=alert(1)>", T0);
    PostMortemInput input =
        new PostMortemInput(
            incident("t", "orders", "carol"),
            List.of(),
            List.of(first, second, third),
            List.of(),
            List.of(),
            null);

    String markdown = PostMortemWriter.write(input, Masking.defaults(), (p, b) -> {});

    assertThat(markdown)
        .contains("see\n```\nunclosed\n```\n\n### Hop b")
        .contains("````\n<script>alert(1)</script>\n````\nafter\n")
        .contains("text\n  \\```\n&lt;img src=x onerror=alert(1)&gt;\n");
    assertThat(SecretLeaks.outsideFences(markdown))
        .contains("### Hop b", "### Hop c", "after")
        .doesNotContain("<");
  }

  @Test
  void scriptLinksInNotesAreNotLinks() throws IOException {
    Note note =
        new Note(
            1,
            7,
            Note.Scope.HOP,
            "a",
            "[runbook](JavaScript:alert(1)) and ![x]( data:text/html,x)\n[ref]: vbscript:msgbox",
            T0);
    PostMortemInput input =
        new PostMortemInput(
            incident("t", "orders", "carol"), List.of(), List.of(note), List.of(), List.of(), null);

    assertThat(PostMortemWriter.write(input, Masking.defaults(), (p, b) -> {}))
        .contains(
            "[runbook]\\(JavaScript:alert(1)) and ![x]\\( data:text/html,x)\n"
                + "[ref]\\: vbscript:msgbox\n");
  }

  private static PostMortemInput input(Place place, String s) throws IOException {
    String incidentNote =
        switch (place) {
          case SUMMARY -> "## Summary\n" + s;
          case FURTHER_NOTES -> "## Customer contact\n" + s;
          case ACTION_ITEM -> "## Action items\n- [ ] " + s;
          case NOTE_TIMELINE_LINE -> "## Timeline\n- 2026-11-26T23:55:00Z " + s;
          default -> "## Summary\nfine";
        };
    List<Note> notes = new ArrayList<>();
    notes.add(new Note(1, 7, Note.Scope.INCIDENT, "", incidentNote, T0));
    if (place == Place.HOP_NOTE) {
      notes.add(new Note(2, 7, Note.Scope.HOP, "erp-adapter", s, T0));
    }
    if (place == Place.NOTE_KEY) {
      notes.add(new Note(3, 7, Note.Scope.MESSAGE, s, "replayed", T0));
    }
    List<TimelineEntry> timeline =
        List.of(
            new TimelineEntry(
                1,
                7,
                T0,
                TimelineEntry.Kind.SEARCH,
                place == Place.TIMELINE_ACTOR ? s : "carol",
                place == Place.TIMELINE_SUMMARY ? s : "flow ord-1",
                "{}"));
    List<StepState> steps =
        List.of(
            new StepState(
                7, "lag", "check", true, "carol", T0, place == Place.STEP_OUTCOME ? s : "PASS"));
    String flow =
        place == Place.FLOW_IDS_AND_HOPS
            ? JSON.writeValueAsString(
                Map.of("verdict", s, "ids", List.of(s), "hops", List.of(Map.of("name", s))))
            : "{\"verdict\":\"OK\"}";
    Evidence evidence =
        new Evidence(
            1,
            7,
            Evidence.Kind.FLOW_JSON,
            place == Place.EVIDENCE_TITLE ? s : "flow ord-1",
            place == Place.EVIDENCE_QUERY ? s : "ord-1",
            T0,
            "application/json",
            flow.getBytes(StandardCharsets.UTF_8));
    StuckReport impact =
        place == Place.IMPACT_PATH_HOP_AND_WARNING
            ? new StuckReport(
                s,
                new TimeWindow(T0, T0.plusSeconds(3600)),
                T0,
                List.of(new HopCounts(s, 1, 1, 0, 0, 0, 0)),
                new StuckReport.Totals(0, 0, 0, 0),
                List.of(new Notice.OnlyFirstLinkFollowed(s)))
            : null;
    return new PostMortemInput(
        incident(
            place == Place.TITLE ? s : "t",
            place == Place.PATH ? s : "orders",
            place == Place.OPENED_BY ? s : "carol"),
        timeline,
        notes,
        steps,
        List.of(evidence),
        impact);
  }

  private static Incident incident(String title, String path, String openedBy) {
    return new Incident(
        7,
        title,
        Incident.Severity.SEV3,
        path,
        new TimeWindow(T0, T0.plusSeconds(3600)),
        Incident.Status.OPEN,
        T0,
        T0,
        null,
        null,
        openedBy);
  }
}
