package org.hopscope.ui.playbook;

import java.time.Instant;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;

/**
 * The incident side of a walk-through: what the app records (timeline, step states) while an
 * incident is open. Called through the TaskRunner, never on the FX thread (it may write the store).
 */
public interface StepRecorder {

  /** A check was run on the current step. */
  void checked(Playbook playbook, CheckResult result);

  /** A step was ticked done by {@code user} at {@code at} (UTC). */
  void ticked(Playbook playbook, Step step, String user, Instant at);

  /** The engineer took the choice {@code label} at {@code step}. */
  void chose(Playbook playbook, Step step, String label);

  /** Records nothing (no incident open). */
  static StepRecorder none() {
    return new StepRecorder() {
      @Override
      public void checked(Playbook playbook, CheckResult result) {}

      @Override
      public void ticked(Playbook playbook, Step step, String user, Instant at) {}

      @Override
      public void chose(Playbook playbook, Step step, String label) {}
    };
  }
}
