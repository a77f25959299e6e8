package org.hopscope.correlate;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import org.hopscope.model.TimestampFormat;

/**
 * Reads event times fast: the common stored form {@code 2026-11-26T03:00:00.123Z} (UTC, 0 to 9
 * fraction digits) is parsed by hand; every other value goes through {@link TimestampFormat#parse},
 * which gives the same instant for that form and the error message for bad values.
 */
final class IsoInstants {

  private IsoInstants() {}

  /**
   * As {@link TimestampFormat#parse}.
   *
   * @throws IllegalArgumentException naming the value and the expected format
   */
  static Instant parse(TimestampFormat format, Object value) {
    if (format == TimestampFormat.ISO && value instanceof String s) {
      Instant fast = utc(s);
      if (fast != null) {
        return fast;
      }
    }
    return format.parse(value);
  }

  /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} as an instant, or null for anything else. */
  static Instant utc(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(n - 1) != 'Z') {
      return null;
    }
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T') {
      return null;
    }
    if (s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    if (hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      int digitsCount = n - 21;
      if (s.charAt(19) != '.' || digitsCount < 1 || digitsCount > 9) {
        return null;
      }
      nanos = digits(s, 20, n - 1);
      if (nanos < 0) {
        return null;
      }
      for (int i = digitsCount; i < 9; i++) {
        nanos *= 10;
      }
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException e) {
      return null; // out of range: the slow path says why
    }
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The decimal number in {@code s[from, to)}, or -1 when a character is no ASCII digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
