package org.hopscope.ui.incident;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javafx.scene.control.Label;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.incident.Incident;
import org.hopscope.oncall.IncidentEntries;

/** How incidents read on screen: severity and status chips, UTC times. One place for them. */
final class IncidentLook {

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private IncidentLook() {}

  /** A chip for the severity; style classes {@code severity-chip severity-sev1..4}. */
  static Label severityChip(Incident.Severity severity) {
    Label chip = new Label(severity.name());
    chip.getStyleClass().addAll("incident-chip", "severity-" + severity.name().toLowerCase());
    return chip;
  }

  /** A chip for the status; style classes {@code incident-chip status-open|mitigated|resolved}. */
  static Label statusChip(Incident.Status status) {
    Label chip = new Label(status.name().toLowerCase());
    chip.getStyleClass().addAll("incident-chip", "status-" + status.name().toLowerCase());
    return chip;
  }

  /** A timeline kind in words: "stuck analysis", "step done". */
  static String kind(org.hopscope.model.incident.TimelineEntry.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** "2026-11-26 02:41 UTC", or "—" for null. */
  static String dayTime(Instant t) {
    return t == null ? "—" : DAY_TIME.format(t) + " UTC";
  }

  /** "02:41:07" (UTC). */
  static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  /** The window as "2026-11-26 02:00–05:00 UTC", or "no window". */
  static String window(TimeWindow w) {
    return w == null ? "no window" : IncidentEntries.windowText(w);
  }
}
