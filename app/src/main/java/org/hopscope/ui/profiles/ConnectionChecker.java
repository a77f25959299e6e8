package org.hopscope.ui.profiles;

import org.hopscope.config.ConnectionProfile;
import org.hopscope.oncall.ConnectionReport;
import org.hopscope.source.Cancellation;

/**
 * Runs "test connection" for a profile (blocking; the view model calls it through the task runner).
 * The application binds it to {@code new ConnectionCheck()::check}.
 */
@FunctionalInterface
public interface ConnectionChecker {

  /**
   * @throws Cancellation.CancelledException when cancelled
   */
  ConnectionReport check(ConnectionProfile profile, Cancellation cancel);
}
