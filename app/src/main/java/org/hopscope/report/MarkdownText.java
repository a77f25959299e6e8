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

  private static final Pattern PLAIN_NAME = Pattern.compile("[\\w.:/@-]++");

  /** A line break with the blanks around it; starts only where a run of blanks starts. */
  private static final Pattern LINE_BREAK =
      Pattern.compile("(?<![ \\t\\f\\u000B])[ \\t\\f\\u000B]*+\\R\\s*+");

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

  /**
   * Text from the store, a backend or a log line, on one line, shown as text: HTML's {@code <},
   * {@code >} and {@code &} as entities, Markdown's special characters backslash-escaped.
   */
  static String inline(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = oneLine(text);
    StringBuilder out = new StringBuilder(oneLine.length());
    for (int i = 0; i < oneLine.length(); i++) {
      char c = oneLine.charAt(i);
      if (!appendEntity(out, c)) {
        if ("\\`*_[]#|".indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Author-written Markdown for a table cell, on one line: HTML escaped as entities everywhere
   * (also inside code spans, where a cell's pipes could end them early), and every pipe not yet
   * escaped made {@code \|}, so the text stays in its cell.
   */
  static String cell(String markdown) {
    String oneLine = oneLine(markdown);
    StringBuilder out = new StringBuilder(oneLine.length());
    int backslashes = 0;
    for (int i = 0; i < oneLine.length(); i++) {
      char c = oneLine.charAt(i);
      if (c == '|' && backslashes % 2 == 0) {
        out.append('\\');
      }
      backslashes = c == '\\' ? backslashes + 1 : 0;
      if (!appendEntity(out, c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * A name (a path's, a hop's) as a code span when it is plain (letters, digits and {@code
   * _.:/@-}), else as escaped text: no HTML, not even inside a code span.
   */
  static String name(String text) {
    return PLAIN_NAME.matcher(text).matches() ? "`" + text + "`" : inline(text);
  }

  /** {@code text} on one line: each line break and the blanks around it become one space. */
  static String oneLine(String text) {
    return LINE_BREAK.matcher(text).replaceAll(" ").strip();
  }

  /** Appends {@code c} as an HTML entity when it is {@code <}, {@code >} or {@code &}. */
  static boolean appendEntity(StringBuilder out, char c) {
    switch (c) {
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '&' -> out.append("&amp;");
      default -> {
        return false;
      }
    }
    return true;
  }

  /** {@code text} with CR LF and lone CR (line ends to Markdown too) made LF. */
  static String lf(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** {@code text} in a fenced code block whose fence is longer than any backtick run inside. */
  static String fenced(String info, String text) {
    int longest = 2;
    Matcher m = BACKTICKS.matcher(text);
    while (m.find()) {
      longest = Math.max(longest, m.group().length());
    }
    String fence = "`".repeat(longest + 1);
    return fence + info + "\n" + lf(text).strip() + "\n" + fence + "\n";
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
