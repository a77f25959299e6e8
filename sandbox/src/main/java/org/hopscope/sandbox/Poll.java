package org.hopscope.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a condition with a deadline, checking it every 250 ms. */
public final class Poll {

  private static final Duration INTERVAL = Duration.ofMillis(250);

  private Poll() {}

  /** Checks {@code condition} until it holds (true) or {@code limit} has passed (false). */
  public static boolean until(Duration limit, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(limit);
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      pause();
    }
  }

  static void pause() {
    try {
      Thread.sleep(INTERVAL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while waiting", e);
    }
  }
}
