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

  /** Whole numbers below 2^53: every one of them is a double exactly. */
  private static final long WHOLE = 1L << 53;

  /**
   * A decimal such as {@code 1.765029209697E12} (how Elasticsearch writes a min/max of epoch
   * milliseconds) as the whole number it is, when it is one below 2^53: then it equals what {@link
   * Double#parseDouble} gives (the double nearest to the decimal is the number itself), without its
   * cost, most of a page's decoding. Else -1 (negative, fractional, large or another form).
   */
  static long wholeNumber(char[] text, int offset, int length) {
    long digits = 0;
    int fraction = 0; // digits after the point
    int i = offset;
    int end = offset + length;
    boolean point = false;
    boolean any = false;
    for (; i < end; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        if (digits >= WHOLE) {
          return -1;
        }
        digits = digits * 10 + (c - '0');
        fraction += point ? 1 : 0;
        any = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        break;
      }
    }
    if (!any) {
      return -1;
    }
    int exponent = 0;
    if (i < end) {
      if (text[i] != 'e' && text[i] != 'E') {
        return -1;
      }
      i++;
      boolean negative = i < end && text[i] == '-';
      if (i < end && (text[i] == '+' || text[i] == '-')) {
        i++;
      }
      if (i == end || end - i > 3) {
        return -1;
      }
      for (; i < end; i++) {
        char c = text[i];
        if (c < '0' || c > '9') {
          return -1;
        }
        exponent = exponent * 10 + (c - '0');
      }
      exponent = negative ? -exponent : exponent;
    }
    int scale = exponent - fraction; // value = digits * 10^scale
    for (; scale < 0; scale++) {
      if (digits % 10 != 0) {
        return -1; // a fraction
      }
      digits /= 10;
    }
    for (; scale > 0; scale--) {
      if (digits > WHOLE / 10) {
        return -1;
      }
      digits *= 10;
    }
    return digits < WHOLE ? digits : -1;
  }
}
