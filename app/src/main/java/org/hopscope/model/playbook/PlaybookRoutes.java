package org.hopscope.model.playbook;

import java.util.List;

/**
 * Where a playbook's steps lead: the step a rule (or its absence) goes to, the two ways on from a
 * check that was not decided, and whether a target is a step of the playbook. Pure; holds only the
 * playbook.
 */
final class PlaybookRoutes {

  private final Playbook playbook;

  PlaybookRoutes(Playbook playbook) {
    this.playbook = playbook;
  }

  /**
   * The ways on from {@code step} when its check {@code r} ran but was not decided (NO DATA or
   * ERROR) and passing and failing lead to different places: a PASS rule, then a FAIL rule, each
   * with the step it leads to (or {@link NextRule#END}) and the label {@link PlaybookRun#goOnAs}
   * records. Empty otherwise (no step, nothing ran, the check was decided, both ways lead to the
   * same step).
   */
  List<NextRule> undecided(Step step, CheckResult r) {
    if (r == null || r.decided()) {
      return List.of();
    }
    String pass = target(step, NextRule.On.PASS);
    String fail = target(step, NextRule.On.FAIL);
    if (pass.equals(fail)) {
      return List.of();
    }
    return List.of(
        new NextRule(NextRule.On.PASS, asIf(NextRule.On.PASS, r), pass),
        new NextRule(NextRule.On.FAIL, asIf(NextRule.On.FAIL, r), fail));
  }

  /** "go on as if the check failed (NO DATA)". */
  private static String asIf(NextRule.On on, CheckResult r) {
    return "go on as if the check "
        + (on == NextRule.On.PASS ? "passed" : "failed")
        + " ("
        + r.outcome().label()
        + ")";
  }

  /** Where {@code on} leads from {@code step}: its rule's target, else the following step. */
  String target(Step step, NextRule.On on) {
    for (NextRule rule : step.next()) {
      if (rule.on() == on) {
        return rule.target();
      }
    }
    return following(step);
  }

  /** The step after {@code step} in document order, after the last step {@link NextRule#END}. */
  String following(Step step) {
    int i = playbook.steps().indexOf(step);
    return i + 1 < playbook.steps().size() ? playbook.steps().get(i + 1).id() : NextRule.END;
  }

  /**
   * Checks that {@code target}, where {@code from} goes, is {@link NextRule#END} or a step.
   *
   * @throws IllegalStateException when it names a step that does not exist
   */
  void requireTarget(Step from, String target) {
    if (!NextRule.END.equals(target) && playbook.step(target).isEmpty()) {
      throw new IllegalStateException(
          "step " + from.id() + " goes to '" + target + "', which is no step of " + playbook.id());
    }
  }
}
