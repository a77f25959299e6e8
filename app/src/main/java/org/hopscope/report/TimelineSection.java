package org.hopscope.report;

import static org.hopscope.report.MarkdownText.inline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hopscope.model.incident.TimelineEntry;

/**
 * The timeline: what the tool recorded plus the dated lines of the incident note's {@code ##
 * Timeline} section, in time order (ties: the tool's entries by id, then note lines in note order),
 * one line each, {@code HH:mm:ss UTC — summary (actor)}, under a heading per UTC day.
 */
final class TimelineSection {

  private TimelineSection() {}

  private record Line(Instant at, int source, long order, String text) {}

  static String render(List<TimelineEntry> entries, IncidentNote note, Masking masking) {
    List<Line> lines = new ArrayList<>();
    for (TimelineEntry e : entries) {
      String actor =
          e.actor() == null || e.actor().isBlank()
              ? ""
              : " (" + inline(masking.mask(e.actor())) + ")";
      lines.add(new Line(e.at(), 0, e.id(), inline(masking.mask(e.summary())) + actor));
    }
    int n = 0;
    for (IncidentNote.Dated d : note.timeline()) {
      lines.add(new Line(d.at(), 1, n++, AuthoredMarkdown.line(d.text()) + " (incident note)"));
    }
    if (lines.isEmpty()) {
      return "_Nothing was recorded._\n";
    }
    lines.sort(
        Comparator.comparing(Line::at)
            .thenComparingInt(Line::source)
            .thenComparingLong(Line::order));
    StringBuilder out = new StringBuilder();
    String day = null;
    for (Line line : lines) {
      String today = MarkdownText.day(line.at());
      if (!today.equals(day)) {
        out.append(day == null ? "" : "\n").append("**").append(today).append("**\n\n");
        day = today;
      }
      out.append("- ")
          .append(MarkdownText.clock(line.at()))
          .append(" — ")
          .append(line.text())
          .append('\n');
    }
    return out.toString();
  }
}
