package org.hopscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.report.SecretLeaks.Leak;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every secret of issue 13 written in a note, a log line (a timeline entry) and an evidence query
 * leaves no trace in the exported Markdown and shows its mask exactly; look-alikes are exported
 * unchanged.
 */
@Fault(Fault.Area.MASKING)
class PostMortemLeakTest {

  private static final Instant T0 = Instant.parse("2026-11-26T23:50:00Z");

  /** Where the text lands, and how the export writes it there. */
  enum Place {
    /** A hop note: author Markdown, HTML as entities. */
    NOTE,
    /** A timeline summary: one line, Markdown and HTML escaped. */
    LOG_LINE,
    /** An evidence query: a fenced code block, as written. */
    EVIDENCE;

    String written(String text) {
      return switch (this) {
        case NOTE -> SecretLeaks.entities(text);
        case LOG_LINE -> SecretLeaks.inlineEscaped(text);
        case EVIDENCE -> text;
      };
    }
  }

  static Stream<Arguments> leaks() {
    List<Arguments> cases = new ArrayList<>();
    for (Leak leak : SecretLeaks.all()) {
      for (Place place : Place.values()) {
        cases.add(Arguments.of(leak, place));
      }
    }
    return cases.stream();
  }

  static Stream<Arguments> lookAlikes() {
    List<Arguments> cases = new ArrayList<>();
    for (String text : SecretLeaks.lookAlikes()) {
      for (Place place : Place.values()) {
        cases.add(Arguments.of(text, place));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} in a {1}")
  @MethodSource("leaks")
  void theSecretLeavesNoTraceAndTheMaskShows(Leak leak, Place place) throws IOException {
    String markdown = export(place, leak.text());

    assertThat(markdown)
        .doesNotContain(leak.secret())
        .doesNotContain(SecretLeaks.inlineEscaped(leak.secret()))
        .contains(place.written(leak.masked()));
  }

  @ParameterizedTest(name = "{0} in a {1}")
  @MethodSource("lookAlikes")
  void lookAlikesAreExportedUnchanged(String text, Place place) throws IOException {
    assertThat(export(place, text)).contains(place.written(text));
  }

  static String export(Place place, String text) throws IOException {
    Incident incident =
        new Incident(
            7,
            "masking",
            Incident.Severity.SEV3,
            "orders",
            new TimeWindow(T0, T0.plusSeconds(3600)),
            Incident.Status.RESOLVED,
            T0,
            T0,
            T0,
            T0,
            "carol");
    List<TimelineEntry> timeline =
        place == Place.LOG_LINE
            ? List.of(new TimelineEntry(1, 7, T0, TimelineEntry.Kind.SEARCH, "carol", text, "{}"))
            : List.of();
    List<Note> notes =
        place == Place.NOTE
            ? List.of(new Note(1, 7, Note.Scope.HOP, "erp-adapter", text, T0))
            : List.of();
    List<Evidence> evidence =
        place == Place.EVIDENCE
            ? List.of(
                new Evidence(
                    1,
                    7,
                    Evidence.Kind.FLOW_JSON,
                    "flow ord-1",
                    text,
                    T0,
                    "application/json",
                    "{\"verdict\":\"OK\"}".getBytes(StandardCharsets.UTF_8)))
            : List.of();
    PostMortemInput input =
        new PostMortemInput(incident, timeline, notes, List.of(), evidence, null);
    return PostMortemWriter.write(input, Masking.defaults(), (path, png) -> {});
  }
}
