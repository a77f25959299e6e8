package org.hopscope.ui.playbook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.IncidentEntries;
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
    long noData = rows.stream().filter(r -> r.state() == StepState.NO_DATA).count();
    long errors = rows.stream().filter(r -> r.state() == StepState.ERROR).count();
    long visited = rows.stream().filter(r -> r.state() != StepState.PENDING).count();
    String undecided =
        (noData > 0 ? ", " + noData + " had no data" : "")
            + (errors > 0 ? ", " + errors + " could not run" : "");
    return "The walk-through ended after **"
        + visited
        + " of "
        + rows.size()
        + "** steps: "
        + passed
        + " check(s) passed, "
        + failed
        + " failed"
        + undecided
        + ".\n\nPick a playbook on the left and press **Start** to walk through again.";
  }

  /**
   * When a check runs: "Runs as of the end of the alert link's window, 2026-11-26 02:00–02:50 UTC"
   * (or now, if the window ends later), or "Runs as of now (when you press Run check), over the
   * playbook's window".
   */
  static String asOf(CheckWindow window) {
    if (window == null) {
      return "Runs as of now (when you press Run check), over the playbook's window";
    }
    String whose =
        switch (window.origin()) {
          case LINK -> "the alert link's window";
          case INCIDENT -> "the open incident's window";
          case SEARCH_BAR -> "the search bar's window";
          default -> "the window";
        };
    return "Runs as of the end of " + whose + ", " + IncidentEntries.windowText(window.window());
  }

  /** "The check could not be decided (NO DATA: no series for ...). How to go on?" */
  static String undecided(CheckResult r) {
    String why =
        r.outcome() == CheckResult.Outcome.NO_DATA
            ? "the query found no data"
            : "the check could not run";
    return "Not decided: " + why + ", so this step neither passed nor failed. Choose how to go on.";
  }

  /** A way on from an undecided check: "As if it passed: end the walk-through". */
  static String way(NextRule way, Playbook playbook) {
    String to =
        NextRule.END.equals(way.target())
            ? "end the walk-through"
            : playbook.step(way.target()).map(Step::title).orElse(way.target());
    return (way.on() == NextRule.On.PASS ? "As if it passed: " : "As if it failed: ") + to;
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

  /**
   * "FAIL: 1234 (pass when < 1) · as of 2026-11-26 02:50:00 UTC", "NO DATA: no series for the query
   * · as of ...", "PASS: no data (no series for the query; noData: pass) · as of ...", "ERROR:
   * detail · as of ...". The query itself is shown above the result, so it is not repeated.
   */
  static String describe(CheckResult r) {
    String asOf = " · as of " + IncidentEntries.asOfText(r.asOf());
    // the query stands right above the result: "no series for the query", not the query again
    String detail =
        r.detail().isBlank()
            ? "no value"
            : r.query().isBlank() ? r.detail() : r.detail().replace(r.query(), "the query");
    if (r.outcome() == CheckResult.Outcome.ERROR || r.outcome() == CheckResult.Outcome.NO_DATA) {
      return r.outcome().label() + ": " + detail + asOf;
    }
    if (r.value() == null) {
      return r.outcome().label() + ": no data (" + detail + ")" + asOf;
    }
    String s =
        r.outcome().label()
            + ": "
            + number(r.value())
            + " (pass when "
            + r.comparison().symbol()
            + " "
            + number(r.threshold())
            + ")";
    return (r.detail().isBlank() ? s : s + " · " + r.detail()) + asOf;
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
