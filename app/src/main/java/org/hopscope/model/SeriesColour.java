package org.hopscope.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A colour family for a chart series, named as a path definition names it ({@code colors: {failed:
 * red}}). Each theme draws a family in several shades, so series sharing one stay apart.
 */
public enum SeriesColour {
  /** Failures: failed, error, fault, dlq, dead-lettered, rejected, 5xx. */
  RED,
  /** Waiting and retrying: retry, parked, waiting, timeout, 4xx. */
  AMBER,
  /** Success: success, ok, processed, 2xx. */
  GREEN,
  BLUE,
  PURPLE,
  TEAL,
  GREY;

  /** The neutral colours, in the order series without a meaning get them. */
  public static final List<SeriesColour> NEUTRAL = List.of(BLUE, PURPLE, TEAL, GREY);

  /** The name a path definition uses, e.g. {@code red}. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The colour named {@code text} (as {@link #text()}), if any. */
  public static Optional<SeriesColour> parse(String text) {
    return Arrays.stream(values()).filter(c -> c.text().equals(text)).findFirst();
  }

  /** Every name, for messages: {@code red, amber, ...}. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(SeriesColour::text).toList());
  }
}
