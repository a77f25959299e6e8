package org.hopscope.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text forms used by the post-mortem: UTC times, durations, escaped inline text, code fences. */
final class MarkdownText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern BACKTICKS = Pattern.compile("`+");

  private MarkdownText() {}

  /** {@code 2026-11-26 02:10:00 UTC}, or "unknown" for null. */
  static String time(Instant t) {
    return t == null ? "unknown" : TIME.format(t);
  }

  /** {@code 02:10:00 UTC}. */
  static String clock(Instant t) {
    return CLOCK.format(t);
  }

  /** {@code 2026-11-26}. */
  static String day(Instant t) {
    return DAY.format(t);
  }

  /** {@code 45s}, {@code 12m 05s}, {@code 1h 02m 03s}, {@code 2d 01h 00m 00s}. */
  static String duration(Duration d) {
    long s = d.getSeconds();
    long days = s / 86_400;
    long hours = s / 3_600 % 24;
    long minutes = s / 60 % 60;
    long seconds = s % 60;
    if (days > 0) {
      return String.format(Locale.ROOT, "%dd %02dh %02dm %02ds", days, hours, minutes, seconds);
    }
    if (hours > 0) {
      return String.format(Locale.ROOT, "%dh %02dm %02ds", hours, minutes, seconds);
    }
    if (minutes > 0) {
      return String.format(Locale.ROOT, "%dm %02ds", minutes, seconds);
    }
    return seconds + "s";
  }

  /** Tool-made text on one line with Markdown's special characters escaped. */
  static String inline(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("\\s*\\R\\s*", " ").strip();
    StringBuilder out = new StringBuilder(oneLine.length());
    for (int i = 0; i < oneLine.length(); i++) {
      char c = oneLine.charAt(i);
      if ("\\`*_[]<>#|".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** {@code text} in a fenced code block whose fence is longer than any backtick run inside. */
  static String fenced(String info, String text) {
    int longest = 2;
    Matcher m = BACKTICKS.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    return fence + info + "\n" + text.strip() + "\n" + fence + "\n";
  }

  /** A file-name part from a title: lower case ASCII letters, digits and dashes, at most 40. */
  static String slug(String title) {
    String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+|-+$", "");
    if (s.length() > 40) {
      s = s.substring(0, 40).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "chart" : s;
  }
}
