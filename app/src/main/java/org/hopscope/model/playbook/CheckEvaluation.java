package org.hopscope.model.playbook;

/**
 * A check's result and, for an ERROR, whose fault it is.
 *
 * @param result the check's result
 * @param failure {@link Failure#NONE} unless the outcome is ERROR
 */
public record CheckEvaluation(CheckResult result, Failure failure) {

  /** Why a check has no value. */
  public enum Failure {
    /** It has a value (PASS or FAIL). */
    NONE,
    /** The playbook or its variables are wrong (bad template, unknown hop, bad window). */
    INPUT,
    /** A backend failed or is not configured. */
    BACKEND
  }
}
