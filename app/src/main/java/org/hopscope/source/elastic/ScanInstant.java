package org.hopscope.source.elastic;

import java.math.BigDecimal;
import java.time.Instant;
import org.hopscope.model.TimestampFormat;

/** A composite scan's min/max time figure as an instant, in the figure's unit (ADR 0036). */
final class ScanInstant {

  private ScanInstant() {}

  /** Largest magnitude below which every whole double is exact (2^53). */
  private static final double EXACT = 9_007_199_254_740_992.0;

  /**
   * A min/max value in {@code unit} as an instant. A whole value below 2^53 (epoch milliseconds and
   * microseconds always are) is converted in long arithmetic: the decimal way through {@link
   * TimestampFormat#parse} cost most of a scan's CPU (BigDecimal division per bucket and figure);
   * others (fractions, nanoseconds past 2^53) still go that way.
   */
  static Instant of(double value, TimestampFormat unit) {
    if (value == Math.rint(value) && Math.abs(value) < EXACT) {
      long v = (long) value;
      switch (unit) {
        case EPOCH_MILLIS:
          return Instant.ofEpochMilli(v);
        case EPOCH_MICROS:
          return Instant.ofEpochSecond(
              Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
        case EPOCH_NANOS:
          return Instant.ofEpochSecond(
              Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        default:
          break;
      }
    }
    return unit.parse(BigDecimal.valueOf(value).toPlainString());
  }
}
