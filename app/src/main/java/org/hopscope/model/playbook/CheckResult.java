package org.hopscope.model.playbook;

import java.util.List;
import java.util.Objects;
import org.hopscope.model.Notice;

/**
 * The outcome of evaluating one check.
 *
 * @param stepId the step
 * @param query the query as run (variables bound), for the timeline and the post-mortem
 * @param value the measured value, or null when there was none (NO DATA, ERROR, or a PASS/FAIL the
 *     check's {@code noData} declaration decided)
 * @param comparison the check's comparison
 * @param threshold the check's threshold
 * @param outcome pass, fail, no data or error
 * @param detail why there is no value (the reason for NO DATA, e.g. {@code no series for sum(...)};
 *     the error message naming the backend and URL), or a note on the value (a count's notices'
 *     texts, joined by "; "); "" when there is nothing to say
 * @param notices what the user must know about how the value was counted (a source not counted, an
 *     approximation); empty when none
 * @param asOf the instant the check was evaluated as of (PromQL evaluation time, the end of an
 *     Elasticsearch count's range)
 */
public record CheckResult(
    String stepId,
    String query,
    Double value,
    Check.Comparison comparison,
    double threshold,
    Outcome outcome,
    String detail,
    List<Notice> notices,
    java.time.Instant asOf) {

  public CheckResult {
    notices = List.copyOf(notices);
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(asOf, "asOf");
    detail = detail == null ? "" : detail;
  }

  /** A result without notices. */
  public CheckResult(
      String stepId,
      String query,
      Double value,
      Check.Comparison comparison,
      double threshold,
      Outcome outcome,
      String detail,
      java.time.Instant asOf) {
    this(stepId, query, value, comparison, threshold, outcome, detail, List.of(), asOf);
  }

  /**
   * Whether the query found no data: the outcome is NO DATA, or PASS/FAIL as the check's {@code
   * noData} declared.
   */
  public boolean noData() {
    return value == null && outcome != Outcome.ERROR;
  }

  /** Whether the check was decided: PASS or FAIL (a NO DATA or ERROR is not). */
  public boolean decided() {
    return outcome == Outcome.PASS || outcome == Outcome.FAIL;
  }

  /** How a check came out. */
  public enum Outcome {
    /** The value meets the check's condition (or no data, declared {@code noData: pass}). */
    PASS("PASS"),
    /** It does not (or no data, declared {@code noData: fail}). */
    FAIL("FAIL"),
    /** The query found nothing to judge (no series, no readable source): not decided. */
    NO_DATA("NO DATA"),
    /** The check could not run (a backend failed, the query or a variable is wrong). */
    ERROR("ERROR");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    /** The word people read: {@code PASS}, {@code FAIL}, {@code NO DATA}, {@code ERROR}. */
    public String label() {
      return label;
    }
  }
}
