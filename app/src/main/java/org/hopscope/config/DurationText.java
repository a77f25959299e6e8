package org.hopscope.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as configuration files write them: {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h},
 * {@code 1d}, {@code 1w}, or combined largest unit first ({@code 1h30m}), as in PromQL. Shared by
 * the configuration readers and the playbook checks' {@code window} variable.
 */
public final class DurationText {

  static final String EXPECTED =
      "a duration such as 5s, 2m, 1h or 250ms (units ms, s, m, h, d; e.g. 1h30m)";

  private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:ms|s|m|h|d|w))+");
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d|w)");

  /** The longest duration: 100 years (36500d); longer ones overflow every time they touch. */
  public static final Duration MAX = Duration.ofDays(36_500);

  private DurationText() {}

  private static IllegalArgumentException tooLarge(String text) {
    return new IllegalArgumentException(
        "duration '" + text + "' is too large: at most 36500d (100 years)");
  }

  /** Parses {@code text}; the IllegalArgumentException says what was expected (zero too). */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("expected " + EXPECTED + ", got " + Snippet.quote(text));
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    while (part.find()) {
      try {
        long n = Long.parseLong(part.group(1));
        total =
            total.plus(
                switch (part.group(2)) {
                  case "ms" -> Duration.ofMillis(n);
                  case "s" -> Duration.ofSeconds(n);
                  case "m" -> Duration.ofMinutes(n);
                  case "h" -> Duration.ofHours(n);
                  case "d" -> Duration.ofDays(n);
                  default -> Duration.ofDays(Math.multiplyExact(7, n));
                });
      } catch (NumberFormatException | ArithmeticException e) {
        throw tooLarge(text);
      }
      if (total.compareTo(MAX) > 0) {
        throw tooLarge(text);
      }
    }
    if (total.isZero()) {
      throw new IllegalArgumentException(
          "expected a duration above zero, got " + Snippet.quote(text));
    }
    return total;
  }

  /** The shortest text {@link #parse} reads back as {@code d} ({@code 90s} -> {@code 1m30s}). */
  static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    long millis = d.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L, 1L};
    String[] units = {"d", "h", "m", "s", "ms"};
    for (int i = 0; i < sizes.length; i++) {
      if (millis >= sizes[i]) {
        out.append(millis / sizes[i]).append(units[i]);
        millis %= sizes[i];
      }
    }
    return out.toString();
  }
}
