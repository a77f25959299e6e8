package org.hopscope.ui.shell;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import org.hopscope.model.TimeWindow;

/** Reads the bounds of a custom window typed in local time ({@code yyyy-MM-dd HH:mm[:ss]}). */
final class CustomWindowParser {

  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd[ ]['T']HH:mm")
          .optionalStart()
          .appendPattern(":ss")
          .optionalEnd()
          .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
          .toFormatter();

  private CustomWindowParser() {}

  /** What is wrong with the bounds, or empty when they make a window. */
  static String problem(String from, String to, ZoneId zone) {
    try {
      parse(from, to, zone);
      return "";
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /**
   * @throws IllegalArgumentException naming the bound that is wrong and the expected form
   */
  static TimeWindow parse(String from, String to, ZoneId zone) {
    LocalDateTime a = read("From", from);
    LocalDateTime b = read("To", to);
    if (!b.isAfter(a)) {
      throw new IllegalArgumentException("'To' must be after 'From'");
    }
    return new TimeWindow(a.atZone(zone).toInstant(), b.atZone(zone).toInstant());
  }

  private static LocalDateTime read(String name, String text) {
    try {
      return LocalDateTime.parse(text == null ? "" : text.strip(), LOCAL);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a time: write it as 2026-11-26 17:10 (or with seconds)");
    }
  }
}
