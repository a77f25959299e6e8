package org.hopscope.ui.status;

import org.hopscope.oncall.ConnectionReport;
import org.hopscope.source.Cancellation;

/**
 * Asks the active profile's sources how they are (blocking; run through the task runner). The
 * application binds it to {@code cancel -> new ConnectionCheck().check(activeProfile, cancel)}.
 */
@FunctionalInterface
public interface HealthProbe {

  /**
   * @throws Cancellation.CancelledException when cancelled
   */
  ConnectionReport probe(Cancellation cancel);
}
