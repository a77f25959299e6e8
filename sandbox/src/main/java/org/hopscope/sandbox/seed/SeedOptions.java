package org.hopscope.sandbox.seed;

import java.time.Duration;
import java.time.Instant;

/**
 * What {@code sandbox seed} records.
 *
 * @param messages number of business messages entering the orders gateway over the window
 * @param seed random seed: the same seed gives the same IDs, classes and relative times
 * @param window how far back from {@code now} the recording reaches
 * @param chatty whether to add the one message with 100,000 events
 * @param now end of the recording (the incident is ongoing at this instant)
 * @param payments number of payments entering payments-api over the window (0: no payments path)
 */
public record SeedOptions(
    long messages, long seed, Duration window, boolean chatty, Instant now, long payments) {

  /** With the default number of payments, {@link #defaultPayments(long)}. */
  public SeedOptions(long messages, long seed, Duration window, boolean chatty, Instant now) {
    this(messages, seed, window, chatty, now, defaultPayments(messages));
  }

  /** Payments when none are asked for: half the orders messages, at least 1. */
  public static long defaultPayments(long messages) {
    return Math.max(1, messages / 2);
  }
}
