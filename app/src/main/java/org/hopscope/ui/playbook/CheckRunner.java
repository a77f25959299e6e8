package org.hopscope.ui.playbook;

import java.time.Instant;
import java.util.Map;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Step;
import org.hopscope.source.Cancellation;

/**
 * Evaluates a step's check as of an instant (blocking backend I/O; the view model calls it through
 * the TaskRunner). The app binds it to {@code engine.check(path, step, vars, asOf, c).result()}.
 */
@FunctionalInterface
public interface CheckRunner {
  /**
   * @param asOf the instant the check is evaluated as of (the end of the walk-through's window, or
   *     now)
   */
  CheckResult run(Step step, Map<String, String> vars, Instant asOf, Cancellation c);
}
