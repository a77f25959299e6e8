package org.hopscope.model;

import java.time.Duration;
import java.util.Locale;

/**
 * What a stuck analysis' window is compared with ("what changed"): the same-length window just
 * before it, or the same window a day earlier.
 */
public enum StuckBaseline {
  /** The same-length window ending where the analysed one starts. */
  PREVIOUS("previous"),
  /** The analysed window shifted back by 24 h. */
  DAY_EARLIER("1d");

  private final String argument;

  StuckBaseline(String argument) {
    this.argument = argument;
  }

  /** The name on the command line and in JSON: {@code previous} or {@code 1d}. */
  public String argument() {
    return argument;
  }

  /** The baseline window of {@code window}. */
  public TimeWindow of(TimeWindow window) {
    return switch (this) {
      case PREVIOUS -> new TimeWindow(window.from().minus(window.length()), window.from());
      case DAY_EARLIER ->
          new TimeWindow(
              window.from().minus(Duration.ofDays(1)), window.to().minus(Duration.ofDays(1)));
    };
  }

  /** "the previous 50 min" / "the same 50 min a day earlier". */
  public String words(TimeWindow window) {
    String span = span(window.length());
    return this == PREVIOUS ? "the previous " + span : "the same " + span + " a day earlier";
  }

  /**
   * Parses {@code previous} or {@code 1d}.
   *
   * @throws IllegalArgumentException naming the value and the choices
   */
  public static StuckBaseline parse(String text) {
    for (StuckBaseline b : values()) {
      if (b.argument.equals(text == null ? null : text.trim().toLowerCase(Locale.ROOT))) {
        return b;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a baseline to compare with: use previous or 1d");
  }

  /** "50 min", "6 h", "1 h 30 min", "45 s". */
  static String span(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return d.toSeconds() + " s";
    }
    long hours = minutes / 60;
    long mins = minutes % 60;
    if (hours == 0) {
      return mins + " min";
    }
    return mins == 0 ? hours + " h" : hours + " h " + mins + " min";
  }
}
