package org.hopscope.model;

import java.math.BigDecimal;
import java.time.Duration;

/** The unit a source stores an event's duration in (a span's length). */
public enum DurationUnit {
  /** Seconds, fraction allowed. */
  SECONDS,
  /** Milliseconds, fraction allowed (the default). */
  MILLIS,
  /** Microseconds (Elastic APM {@code *.duration.us}, Jaeger {@code duration}). */
  MICROS,
  /** Nanoseconds (OpenTelemetry). */
  NANOS;

  /** The word a path definition uses ({@code seconds}, {@code millis}, ...). */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * The duration a stored value stands for, or null when the value is no non-negative number (a
   * duration that cannot be read is shown as unknown, never as zero).
   */
  public Duration parse(Object value) {
    if (value == null) {
      return null;
    }
    try {
      BigDecimal n = new BigDecimal(String.valueOf(value).trim());
      if (n.signum() < 0) {
        return null;
      }
      BigDecimal nanos =
          switch (this) {
            case SECONDS -> n.movePointRight(9);
            case MILLIS -> n.movePointRight(6);
            case MICROS -> n.movePointRight(3);
            case NANOS -> n;
          };
      return Duration.ofNanos(nanos.longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }
}
