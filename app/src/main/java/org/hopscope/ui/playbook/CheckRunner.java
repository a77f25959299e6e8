package org.hopscope.ui.playbook;

import java.util.Map;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.Step;
import org.hopscope.source.Cancellation;

/**
 * Evaluates a step's check (blocking backend I/O; the view model calls it through the TaskRunner).
 * The app binds it to {@code engine.check(path, step, vars, clock.instant(), c).result()}.
 */
@FunctionalInterface
public interface CheckRunner {
  CheckResult run(Step step, Map<String, String> vars, Cancellation c);
}
