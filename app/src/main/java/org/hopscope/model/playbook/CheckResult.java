package org.hopscope.model.playbook;

/**
 * The outcome of evaluating one check.
 *
 * @param stepId the step
 * @param query the query as run (variables bound), for the timeline and the post-mortem
 * @param value the measured value, or null when it could not be measured
 * @param comparison the check's comparison
 * @param threshold the check's threshold
 * @param outcome pass, fail, or error (no value)
 * @param detail the error message (names the backend and URL) or a note (e.g. "no series: 0 used")
 */
public record CheckResult(
    String stepId,
    String query,
    Double value,
    Check.Comparison comparison,
    double threshold,
    Outcome outcome,
    String detail) {

  /** How a check came out. */
  public enum Outcome {
    PASS,
    FAIL,
    ERROR
  }
}
