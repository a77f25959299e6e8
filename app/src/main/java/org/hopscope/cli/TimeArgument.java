package org.hopscope.cli;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the command line's times: an ISO-8601 instant or offset date-time ({@code
 * 2026-11-26T03:00:00Z}, {@code 2026-11-26T04:00:00+01:00}), {@code now}, or {@code now-90m} /
 * {@code now+1h} (units ms, s, m, h, d). Times without a zone are refused: every window is explicit
 * about its zone.
 */
final class TimeArgument {

  private static final Pattern RELATIVE =
      Pattern.compile("now(?:([+-])(\\d+)(ms|s|m|h|d))?", Pattern.CASE_INSENSITIVE);

  private final Clock clock;

  TimeArgument(Clock clock) {
    this.clock = clock;
  }

  /** The earliest time accepted: 0000-01-01T00:00:00Z. */
  static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");

  /** The first time refused: 10000-01-01T00:00:00Z (Elasticsearch's dates end with year 9999). */
  static final Instant AFTER_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  private static final Pattern FIVE_DIGIT_YEAR = Pattern.compile("[+-]?[0-9]{5,}-.*");

  /**
   * @throws IllegalArgumentException naming the option and the accepted forms, or the range of
   *     years when the time lies outside 0000-9999 (or cannot be computed at all)
   */
  Instant parse(String option, String text) {
    String t = text.trim();
    Matcher m = RELATIVE.matcher(t);
    if (m.matches()) {
      Instant now = clock.instant();
      if (m.group(1) == null) {
        return now;
      }
      try {
        Duration d = duration(Long.parseLong(m.group(2)), m.group(3).toLowerCase(Locale.ROOT));
        return inRange(option, text, m.group(1).equals("-") ? now.minus(d) : now.plus(d));
      } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
        throw outOfRange(option, text);
      }
    }
    if (FIVE_DIGIT_YEAR.matcher(t).matches()) {
      throw outOfRange(option, text);
    }
    try {
      return inRange(option, text, OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option
              + " '"
              + text
              + "' is not a time: use an ISO-8601 time with its zone (2026-11-26T03:00:00Z,"
              + " 2026-11-26T04:00:00+01:00), 'now' or 'now-90m' (units ms, s, m, h, d)");
    }
  }

  private static Instant inRange(String option, String text, Instant t) {
    if (t.isBefore(EARLIEST) || !t.isBefore(AFTER_LAST)) {
      throw outOfRange(option, text);
    }
    return t;
  }

  private static IllegalArgumentException outOfRange(String option, String text) {
    return new IllegalArgumentException(
        option
            + " '"
            + text
            + "' is out of range: give a time within the years 0000 to 9999 (e.g."
            + " 2026-11-26T03:00:00Z or now-90m)");
  }

  private static Duration duration(long n, String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
