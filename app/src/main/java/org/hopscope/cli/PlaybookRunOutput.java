package org.hopscope.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.model.playbook.ValueOrigin;
import org.hopscope.model.playbook.VariableValue;
import org.hopscope.oncall.IncidentEntries;

/** The text output of {@code hopscope playbook run}. */
final class PlaybookRunOutput {

  private PlaybookRunOutput() {}

  /** {@code "< 100"}: the check's comparison and threshold as written in the file. */
  static String passWhen(Check check) {
    return check.comparison().symbol() + " " + number(check.threshold());
  }

  static String number(double v) {
    return IncidentEntries.number(v);
  }

  /**
   * The first line: when the checks are evaluated and over what, e.g. {@code consumer-lag as of
   * 2026-11-26T02:50:00Z, window 50m (the incident's window 2026-11-26 02:00–02:50 UTC)}.
   *
   * @param checkWindow the window the run looks at, or null
   */
  static void printHeader(
      Playbook playbook,
      Instant asOf,
      CheckWindow checkWindow,
      List<VariableValue> variables,
      PrintWriter out) {
    VariableValue window =
        variables.stream().filter(v -> v.name().equals("window")).findFirst().orElseThrow();
    String from;
    if (checkWindow != null
        && window.origin() == checkWindow.origin()
        && window.value().equals(checkWindow.windowVariable())) {
      from =
          (checkWindow.origin() == ValueOrigin.INCIDENT ? "the incident's window " : "--from/--to ")
              + IncidentEntries.windowText(checkWindow.window());
    } else if (window.origin() == ValueOrigin.DEFAULT) {
      from = window.notTaken() == null ? "the playbook's default" : "pinned by the playbook";
    } else {
      from = "--var window";
    }
    out.println(
        TerminalText.field(playbook.id())
            + " as of "
            + asOf
            + ", window "
            + TerminalText.field(window.value())
            + " ("
            + from
            + ")");
  }

  /**
   * One step: {@code OUTCOME step-id value V (pass when OP T)}, then the query as run, the reason
   * when there is no data, the error, or a note, and the meaning when it failed or erred.
   */
  static void printStep(Step step, CheckResult r, PrintWriter out) {
    String value = r.value() == null ? "no value" : "value " + number(r.value());
    out.println(
        r.outcome().label()
            + " "
            + TerminalText.field(step.id())
            + "  "
            + value
            + " (pass when "
            + passWhen(step.check())
            + ")  "
            + TerminalText.field(step.title()));
    out.println("  query: " + TerminalText.field(r.query()));
    if (!r.detail().isEmpty()) {
      String label =
          r.noData() ? "no data" : r.outcome() == CheckResult.Outcome.ERROR ? "error" : "note";
      out.println("  " + label + ": " + TerminalText.message(r.detail()).replace("\n", "\n  "));
    }
    if (r.outcome() == CheckResult.Outcome.NO_DATA) {
      out.println(
          "  not decided: the query found no data; fix the query or the source, or declare"
              + " noData: pass|fail in the check");
    } else if (r.outcome() != CheckResult.Outcome.PASS && !step.check().meaning().isEmpty()) {
      out.println("  meaning: " + TerminalText.field(step.check().meaning()));
    }
  }

  /** The last line: counts of pass, fail, no data and error, and the instant checked. */
  static void printSummary(
      Playbook playbook, Instant asOf, Collection<CheckEvaluation> done, PrintWriter out) {
    int[] counts = counts(done);
    out.println(
        TerminalText.field(playbook.id())
            + " as of "
            + asOf
            + ": "
            + counts[CheckResult.Outcome.PASS.ordinal()]
            + " passed, "
            + counts[CheckResult.Outcome.FAIL.ordinal()]
            + " failed, "
            + counts[CheckResult.Outcome.NO_DATA.ordinal()]
            + " no data, "
            + counts[CheckResult.Outcome.ERROR.ordinal()]
            + " errors");
  }

  /** How many checks came out each way, by {@link CheckResult.Outcome#ordinal()}. */
  static int[] counts(Collection<CheckEvaluation> done) {
    int[] counts = new int[CheckResult.Outcome.values().length];
    for (CheckEvaluation e : done) {
      if (e != null) {
        counts[e.result().outcome().ordinal()]++;
      }
    }
    return counts;
  }
}
