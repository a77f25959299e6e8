package org.hopscope.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time window {@code [from, to)} in UTC. Every query in Hopscope is bounded by one.
 *
 * @param from inclusive start, never null
 * @param to exclusive end, never null, after {@code from}
 */
public record TimeWindow(Instant from, Instant to) {

  public TimeWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException(
          "time window must end after it starts: from " + from + " to " + to);
    }
  }

  /** The window of the given length that ends at {@code end}. */
  public static TimeWindow ending(Instant end, Duration length) {
    return new TimeWindow(end.minus(length), end);
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  public boolean contains(Instant t) {
    return !t.isBefore(from) && t.isBefore(to);
  }
}
