package org.hopscope.model.playbook;

/**
 * Where a walk-through goes after a step.
 *
 * @param on what triggers it
 * @param label for {@link On#CHOICE}: the option the engineer picks ("lag still growing"); else ""
 * @param target the step ID to go to, or {@link #END}
 */
public record NextRule(On on, String label, String target) {

  /** The target that ends the walk-through. */
  public static final String END = "end";

  /** What triggers a rule. */
  public enum On {
    PASS,
    FAIL,
    CHOICE
  }
}
