package org.hopscope.report;

import static org.hopscope.report.MarkdownText.inline;
import static org.hopscope.report.MarkdownText.time;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckReport;
import org.hopscope.model.incident.Incident;
import org.hopscope.model.incident.Note;
import org.hopscope.model.incident.StepState;
import org.hopscope.report.IncidentNote.Part;

/**
 * Writes an incident's post-mortem as Markdown in the SRE shape: summary, impact, detection,
 * time-to-detect/-mitigate/-resolve, timeline (UTC), root cause and trigger, resolution, what went
 * well/badly/lucky, action items, playbook steps, notes and evidence. The output depends only on
 * the input (stable ordering, no clock), and every piece of text in it has gone through the
 * masking.
 */
public final class PostMortemWriter {

  private PostMortemWriter() {}

  /**
   * The post-mortem of {@code input}.
   *
   * @param masking applied to every text exported, and field by field to evidence JSON
   * @param images receives each chart image the Markdown links to (relative paths under {@code
   *     images/})
   * @return the Markdown, lines ending in {@code \n}
   * @throws IOException when {@code images} cannot store an image
   */
  public static String write(PostMortemInput input, Masking masking, ChartImages images)
      throws IOException {
    Incident incident = input.incident();
    Note incidentNote =
        input.notes().stream()
            .filter(n -> n.scope() == Note.Scope.INCIDENT && n.key().isEmpty())
            .findFirst()
            .orElse(null);
    IncidentNote note =
        IncidentNote.parse(incidentNote == null ? "" : masking.mask(incidentNote.text()));
    StringBuilder out = new StringBuilder();
    out.append("# Post-mortem: ").append(inline(masking.mask(incident.title()))).append("\n\n");
    header(incident, masking, out);
    section(out, "Summary", note, Part.SUMMARY);
    out.append("## Impact\n\n").append(impact(input.impact(), incident, masking)).append('\n');
    out.append("## Detection\n\n");
    out.append("- Detected: ").append(time(incident.detectedAt())).append('\n');
    out.append("- Time to detect: ").append(since(incident, incident.detectedAt())).append("\n\n");
    appendPart(out, note, Part.DETECTION, "how the problem was noticed (the alert, who saw it)");
    out.append("## Timeline\n\n")
        .append(TimelineSection.render(input.timeline(), note, masking))
        .append('\n');
    out.append("## Root cause and trigger\n\n### Trigger\n\n");
    appendPart(out, note, Part.TRIGGER, "what set it off");
    out.append("### Root cause\n\n");
    appendPart(out, note, Part.ROOT_CAUSE, "why it could happen");
    out.append("## Resolution\n\n");
    out.append("- Mitigated: ")
        .append(time(incident.mitigatedAt()))
        .append(" (time to mitigate: ")
        .append(since(incident, incident.mitigatedAt()))
        .append(")\n");
    out.append("- Resolved: ")
        .append(time(incident.resolvedAt()))
        .append(" (time to resolve: ")
        .append(since(incident, incident.resolvedAt()))
        .append(")\n\n");
    appendPart(out, note, Part.RESOLUTION, "what stopped the impact and what fixed it");
    section(out, "What went well", note, Part.WENT_WELL);
    section(out, "What went badly", note, Part.WENT_BADLY);
    section(out, "Where we got lucky", note, Part.LUCKY);
    out.append("## Action items\n\n").append(actionItems(note.actionItems())).append('\n');
    out.append("## Playbook steps\n\n").append(steps(input.steps(), masking)).append('\n');
    out.append("## Notes on hops, messages and steps\n\n")
        .append(scopedNotes(input.notes(), masking))
        .append('\n');
    out.append("## Evidence\n\n")
        .append(new EvidenceSection(masking, images).render(input.evidence()));
    if (!note.further().isEmpty()) {
      out.append("## Further notes\n\n")
          .append(AuthoredMarkdown.render(note.further()))
          .append("\n\n");
    }
    String markdown = out.toString().replaceAll("\n{3,}", "\n\n").stripTrailing() + "\n";
    return masking.mask(markdown);
  }

  private static void header(Incident incident, Masking masking, StringBuilder out) {
    out.append("| | |\n|---|---|\n");
    row(out, "Incident", "#" + incident.id());
    row(out, "Severity", incident.severity().name());
    row(out, "Status", incident.status().name());
    row(out, "Path", incident.path() == null ? "unknown" : inline(masking.mask(incident.path())));
    row(
        out,
        "Window",
        incident.window() == null
            ? "unknown"
            : time(incident.window().from()) + " – " + time(incident.window().to()));
    row(
        out,
        "Opened",
        time(incident.openedAt())
            + (incident.openedBy() == null
                ? ""
                : " by " + inline(masking.mask(incident.openedBy()))));
    row(out, "Detected", time(incident.detectedAt()));
    row(out, "Mitigated", time(incident.mitigatedAt()));
    row(out, "Resolved", time(incident.resolvedAt()));
    row(out, "Time to detect", since(incident, incident.detectedAt()));
    row(out, "Time to mitigate", since(incident, incident.mitigatedAt()));
    row(out, "Time to resolve", since(incident, incident.resolvedAt()));
    out.append('\n');
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append(tableRow(name, value));
  }

  /** A Markdown table row of {@code cells}. */
  private static String tableRow(Object... cells) {
    return Arrays.stream(cells)
        .map(String::valueOf)
        .collect(Collectors.joining(" | ", "| ", " |\n"));
  }

  /** From the start of the incident window (the impact start) to {@code t}. */
  private static String since(Incident incident, Instant t) {
    if (t == null) {
      return "unknown";
    }
    if (incident.window() == null || t.isBefore(incident.window().from())) {
      return "unknown (no impact start before " + time(t) + ")";
    }
    return MarkdownText.duration(Duration.between(incident.window().from(), t));
  }

  private static void section(StringBuilder out, String title, IncidentNote note, Part part) {
    out.append("## ").append(title).append("\n\n");
    appendPart(out, note, part, null);
  }

  private static void appendPart(StringBuilder out, IncidentNote note, Part part, String hint) {
    String text = note.part(part);
    if (text.isEmpty()) {
      out.append("_Not written yet: add a `## ")
          .append(heading(part))
          .append("` section to the incident note")
          .append(hint == null ? "" : " (" + hint + ")")
          .append("._\n\n");
    } else {
      out.append(AuthoredMarkdown.render(text)).append("\n\n");
    }
  }

  private static String heading(Part part) {
    return switch (part) {
      case SUMMARY -> "Summary";
      case DETECTION -> "Detection";
      case TRIGGER -> "Trigger";
      case ROOT_CAUSE -> "Root cause";
      case RESOLUTION -> "Resolution";
      case WENT_WELL -> "Went well";
      case WENT_BADLY -> "Went badly";
      case LUCKY -> "Lucky";
      case ACTION_ITEMS -> "Action items";
      case TIMELINE -> "Timeline";
    };
  }

  private static String impact(StuckReport report, Incident incident, Masking masking) {
    if (report == null) {
      return "_No stuck analysis was saved for this incident; message counts are unknown._\n";
    }
    StringBuilder out = new StringBuilder();
    StuckReport.Totals t = report.totals();
    out.append(
        ("Messages on path %s that entered a hop between %s and %s (analysed as of %s):"
                + " **%s stuck, %s failed, %s dead-lettered**, %s slow.\n\n")
            .formatted(
                MarkdownText.name(masking.mask(report.path())),
                time(report.window().from()),
                time(report.window().to()),
                time(report.asOf()),
                t.stuck(),
                t.failed(),
                t.deadLettered(),
                t.slow()));
    out.append("| hop | entered | left | stuck | failed | dead-lettered | slow |\n");
    out.append("|---|--:|--:|--:|--:|--:|--:|\n");
    for (HopCounts h : report.hops()) {
      out.append(
          tableRow(
              inline(masking.mask(h.hop())),
              h.entered(),
              h.left(),
              h.stuck(),
              h.failed(),
              h.deadLettered(),
              h.slow()));
    }
    if (incident.window() != null && !incident.window().equals(report.window())) {
      out.append("\nNote: the analysis window differs from the incident window (")
          .append(time(incident.window().from()))
          .append(" – ")
          .append(time(incident.window().to()))
          .append(").\n");
    }
    if (!report.notices().isEmpty()) {
      out.append("\nWarnings from the analysis:\n\n");
      report
          .notices()
          .forEach(w -> out.append("- ").append(inline(masking.mask(w.text()))).append('\n'));
    }
    return out.toString();
  }

  private static String actionItems(List<ActionItem> items) {
    if (items.isEmpty()) {
      return "_None yet: add `- [ ] what (owner: name, ticket: ID)` lines under `## Action items`"
          + " in the incident note._\n";
    }
    StringBuilder out =
        new StringBuilder("| # | action | owner | ticket | done |\n|--:|---|---|---|---|\n");
    int n = 0;
    for (ActionItem item : items) {
      out.append(
          tableRow(
              ++n,
              MarkdownText.cell(item.what()),
              item.owner().isEmpty() ? "unassigned" : MarkdownText.cell(item.owner()),
              item.ticket().isEmpty() ? "none" : MarkdownText.cell(item.ticket()),
              item.done() ? "yes" : "no"));
    }
    return out.toString();
  }

  private static String steps(List<StepState> steps, Masking masking) {
    if (steps.isEmpty()) {
      return "_No playbook was followed._\n";
    }
    List<StepState> sorted = new ArrayList<>(steps);
    sorted.sort(
        Comparator.comparing(StepState::doneAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(StepState::playbookId)
            .thenComparing(StepState::stepId));
    StringBuilder out =
        new StringBuilder(
            "| playbook | step | done | by | at | outcome |\n" + "|---|---|---|---|---|---|\n");
    for (StepState s : sorted) {
      out.append(
          tableRow(
              inline(masking.mask(s.playbookId())),
              inline(masking.mask(s.stepId())),
              s.done() ? "yes" : "no",
              s.doneBy() == null ? "" : inline(masking.mask(s.doneBy())),
              s.doneAt() == null ? "" : time(s.doneAt()),
              s.lastOutcome() == null ? "" : inline(masking.mask(s.lastOutcome()))));
    }
    return out.toString();
  }

  private static String scopedNotes(List<Note> notes, Masking masking) {
    List<Note> scoped = new ArrayList<>();
    for (Note n : notes) {
      if (!(n.scope() == Note.Scope.INCIDENT && n.key().isEmpty()) && !n.text().isBlank()) {
        scoped.add(n);
      }
    }
    if (scoped.isEmpty()) {
      return "_None._\n";
    }
    scoped.sort(
        Comparator.comparing(Note::scope).thenComparing(Note::key).thenComparingLong(Note::id));
    StringBuilder out = new StringBuilder();
    for (Note n : scoped) {
      String what =
          switch (n.scope()) {
            case INCIDENT -> "Incident note";
            case STEP -> "Step";
            case HOP -> "Hop";
            case MESSAGE -> "Message";
          };
      out.append("### ")
          .append(what)
          .append(' ')
          .append(inline(masking.mask(n.key())))
          .append("\n\n_Last edited ")
          .append(time(n.updatedAt()))
          .append("_\n\n")
          .append(AuthoredMarkdown.render(masking.mask(n.text()).strip()))
          .append("\n\n");
    }
    return out.toString();
  }
}
