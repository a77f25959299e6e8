package org.hopscope.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Collection;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;

/** The text output of {@code hopscope playbook run}. */
final class PlaybookRunOutput {

  private PlaybookRunOutput() {}

  /** {@code "< 100"}: the check's comparison and threshold as written in the file. */
  static String passWhen(Check check) {
    return check.comparison().symbol() + " " + number(check.threshold());
  }

  static String number(double v) {
    return org.hopscope.oncall.IncidentEntries.number(v);
  }

  /**
   * One step: {@code OUTCOME step-id value V (pass when OP T)}, then the query as run, the detail
   * when there is one, and the meaning when it did not pass.
   */
  static void printStep(Step step, CheckResult r, PrintWriter out) {
    String value = r.value() == null ? "no value" : "value " + number(r.value());
    out.println(
        r.outcome()
            + " "
            + step.id()
            + "  "
            + value
            + " (pass when "
            + passWhen(step.check())
            + ")  "
            + step.title());
    out.println("  query: " + r.query());
    if (!r.detail().isEmpty()) {
      out.println("  note: " + r.detail());
    }
    if (r.outcome() != CheckResult.Outcome.PASS && !step.check().meaning().isEmpty()) {
      out.println("  meaning: " + step.check().meaning());
    }
  }

  /** The last line: counts of pass, fail and error, and the instant checked. */
  static void printSummary(
      Playbook playbook, Instant asOf, Collection<CheckEvaluation> done, PrintWriter out) {
    int[] counts = new int[3];
    for (CheckEvaluation e : done) {
      if (e != null) {
        counts[e.result().outcome().ordinal()]++;
      }
    }
    out.println(
        playbook.id()
            + " as of "
            + asOf
            + ": "
            + counts[0]
            + " passed, "
            + counts[1]
            + " failed, "
            + counts[2]
            + " errors");
  }
}
