package org.hopscope.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** How a hop stores its event time. */
public enum TimestampFormat {
  /** ISO-8601 / RFC 3339 string ({@code 2026-11-26T03:00:00.123Z}), as ECS {@code @timestamp}. */
  ISO,
  /** Milliseconds since the epoch, number or numeric string, fraction allowed (OTel exporter). */
  EPOCH_MILLIS,
  /** Microseconds since the epoch (Jaeger {@code startTime}, Zipkin {@code timestamp}). */
  EPOCH_MICROS,
  /** Nanoseconds since the epoch (OTLP {@code timeUnixNano}). */
  EPOCH_NANOS;

  /**
   * Parses a stored value.
   *
   * @throws IllegalArgumentException naming the value and the expected format
   */
  public Instant parse(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("no timestamp");
    }
    String text = String.valueOf(value);
    try {
      if (this == ISO) {
        return OffsetDateTime.parse(text).toInstant();
      }
      BigDecimal n = new BigDecimal(text);
      BigDecimal nanos =
          switch (this) {
            case EPOCH_MILLIS -> n.movePointRight(6);
            case EPOCH_MICROS -> n.movePointRight(3);
            default -> n;
          };
      BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
      return Instant.ofEpochSecond(
          secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValue());
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a timestamp in format " + name().toLowerCase(), e);
    }
  }
}
