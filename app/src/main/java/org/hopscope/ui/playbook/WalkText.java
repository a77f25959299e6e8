package org.hopscope.ui.playbook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.ui.playbook.PlaybookViewModel.StepRow;
import org.hopscope.ui.playbook.PlaybookViewModel.StepState;

/** The walk-through's words: check summaries, results, ticks, the end. Pure. */
final class WalkText {

  private static final DateTimeFormatter HMS =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private WalkText() {}

  /** What the step pane says once the walk-through ended. */
  static String endSummary(List<StepRow> rows) {
    long passed = rows.stream().filter(r -> r.state() == StepState.PASSED).count();
    long failed = rows.stream().filter(r -> r.state() == StepState.FAILED).count();
    long visited = rows.stream().filter(r -> r.state() != StepState.PENDING).count();
    return "The walk-through ended after **"
        + visited
        + " of "
        + rows.size()
        + "** steps: "
        + passed
        + " check(s) passed, "
        + failed
        + " failed.\n\nPick a playbook on the left and press **Start** to walk through again.";
  }

  /** "pass when < 1 · critical · lag is flat or shrinking over the window". */
  static String summary(Check check) {
    StringBuilder b =
        new StringBuilder("pass when ")
            .append(check.comparison().symbol())
            .append(' ')
            .append(number(check.threshold()))
            .append(" · ")
            .append(check.severity().name().toLowerCase(Locale.ROOT));
    if (check.expected() != null && !check.expected().isBlank()) {
      b.append(" · ").append(check.expected());
    }
    return b.toString();
  }

  /** "FAIL: 1234 (pass when < 1)", "ERROR: detail". */
  static String describe(CheckResult r) {
    if (r.outcome() == CheckResult.Outcome.ERROR || r.value() == null) {
      return r.outcome().name() + ": " + (r.detail() == null ? "no value" : r.detail());
    }
    String s =
        r.outcome().name()
            + ": "
            + number(r.value())
            + " (pass when "
            + r.comparison().symbol()
            + " "
            + number(r.threshold())
            + ")";
    return r.detail() == null || r.detail().isBlank() ? s : s + " · " + r.detail();
  }

  /** "done by alice at 14:03:07 UTC". */
  static String tickText(String user, Instant at) {
    return "done by " + user + " at " + HMS.format(at) + " UTC";
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
  }
}
