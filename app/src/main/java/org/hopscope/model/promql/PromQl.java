package org.hopscope.model.promql;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * PromQL text built safely from data: string literals with PromQL's escaping, label matchers and
 * durations. Use it whenever a value that came from a user or from stored data goes into a query,
 * so that a label value containing {@code "}, {@code \} or a newline stays one value and can never
 * change the query's meaning.
 */
public final class PromQl {

  private static final Pattern DURATION = Pattern.compile("[0-9]+(ms|s|m|h|d|w|y)");
  private static final String REGEX_META = "\\.+*?()|[]{}^$";

  private PromQl() {}

  /**
   * A double-quoted PromQL string literal holding exactly {@code value}: {@code \} becomes {@code
   * \\}, {@code "} becomes {@code \"}, newline, carriage return and tab become {@code \n}, {@code
   * \r}, {@code \t}, other control characters {@code \\uXXXX}; everything else (any Unicode, emoji)
   * is kept as is.
   *
   * @throws IllegalArgumentException if {@code value} holds an unpaired UTF-16 surrogate, which no
   *     PromQL string can carry
   */
  public static String quote(String value) {
    return '"' + escape(value, '"') + '"';
  }

  /** True for a single-unit PromQL duration such as {@code 5m}, {@code 250ms}, {@code 2d}. */
  public static boolean isDuration(String text) {
    return text != null && DURATION.matcher(text).matches();
  }

  /**
   * {@code d} as a single-unit PromQL duration in the largest unit that divides it exactly: {@code
   * 3h}, {@code 90m}, {@code 1500ms}, {@code 2d}.
   *
   * @throws IllegalArgumentException if {@code d} is not positive
   */
  public static String duration(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("a PromQL duration must be positive, got " + d);
    }
    long ms = d.toMillis();
    if (ms == 0) {
      ms = 1;
    }
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms + "ms";
  }

  /** {@code value} escaped for the inside of a string literal opened with {@code quote}. */
  static String escape(String value, char quote) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "value has an unpaired UTF-16 surrogate at index "
                + i
                + " and cannot be a label value");
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (c == quote) {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code value} with RE2 metacharacters escaped, so a regex matcher matches it literally. */
  static String regexLiteral(String value) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (REGEX_META.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
