package org.hopscope.model.playbook;

import java.util.List;
import org.hopscope.model.Notice;

/**
 * The outcome of evaluating one check.
 *
 * @param stepId the step
 * @param query the query as run (variables bound), for the timeline and the post-mortem
 * @param value the measured value, or null when it could not be measured
 * @param comparison the check's comparison
 * @param threshold the check's threshold
 * @param outcome pass, fail, or error (no value)
 * @param detail the error message (names the backend and URL) or a note (e.g. "no series: 0 used";
 *     a count's notices' texts, joined by "; ")
 * @param notices what the user must know about how the value was counted (a source not counted, an
 *     approximation); empty when none
 */
public record CheckResult(
    String stepId,
    String query,
    Double value,
    Check.Comparison comparison,
    double threshold,
    Outcome outcome,
    String detail,
    List<Notice> notices) {

  public CheckResult {
    notices = List.copyOf(notices);
  }

  /** A result without notices. */
  public CheckResult(
      String stepId,
      String query,
      Double value,
      Check.Comparison comparison,
      double threshold,
      Outcome outcome,
      String detail) {
    this(stepId, query, value, comparison, threshold, outcome, detail, List.of());
  }

  /** How a check came out. */
  public enum Outcome {
    PASS,
    FAIL,
    ERROR
  }
}
