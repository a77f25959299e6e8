package org.hopscope.model.promql;

import java.time.Duration;
import java.time.Instant;

/**
 * The step of a range query. Prometheus refuses a range query whose {@code (end - start) / step}
 * exceeds 11,000 points per series; {@link #fit} raises the step just enough.
 */
public final class RangeStep {

  /** Prometheus' limit on {@code (end - start) / step}. */
  public static final long MAX_POINTS = 11_000;

  private RangeStep() {}

  /**
   * {@code wanted}, or the smallest step of whole seconds (whole milliseconds below a second) that
   * keeps {@code (to - from) / step ≤ 11,000}, whichever is larger.
   *
   * @throws IllegalArgumentException if {@code wanted} is not positive or {@code to} is before
   *     {@code from}
   */
  public static Duration fit(Instant from, Instant to, Duration wanted) {
    if (wanted == null || wanted.isNegative() || wanted.isZero()) {
      throw new IllegalArgumentException("step must be positive, got " + wanted);
    }
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("range ends (" + to + ") before it starts (" + from + ")");
    }
    long rangeMillis = Duration.between(from, to).toMillis();
    if (rangeMillis <= wanted.toMillis() * MAX_POINTS) {
      return wanted;
    }
    long millis = (rangeMillis + MAX_POINTS - 1) / MAX_POINTS;
    if (millis >= 1000) {
      millis = (millis + 999) / 1000 * 1000;
    }
    return Duration.ofMillis(millis);
  }
}
