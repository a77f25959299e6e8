package org.hopscope.cli;

import java.time.Clock;
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

  /**
   * @throws IllegalArgumentException naming the option and the accepted forms
   */
  Instant parse(String option, String text) {
    String t = text.trim();
    Matcher m = RELATIVE.matcher(t);
    if (m.matches()) {
      Instant now = clock.instant();
      if (m.group(1) == null) {
        return now;
      }
      Duration d = duration(Long.parseLong(m.group(2)), m.group(3).toLowerCase(Locale.ROOT));
      return m.group(1).equals("-") ? now.minus(d) : now.plus(d);
    }
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option
              + " '"
              + text
              + "' is not a time: use an ISO-8601 time with its zone (2026-11-26T03:00:00Z,"
              + " 2026-11-26T04:00:00+01:00), 'now' or 'now-90m' (units ms, s, m, h, d)");
    }
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
