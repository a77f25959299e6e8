package org.hopscope.ui.shell;

import java.time.Duration;
import org.hopscope.oncall.SearchWindow;

/** The time windows the search bar offers; relative ones end at the moment of the search. */
public enum WindowPreset {
  LAST_15_MINUTES("Last 15 min", Duration.ofMinutes(15)),
  LAST_HOUR("Last 1 h", Duration.ofHours(1)),
  LAST_6_HOURS("Last 6 h", Duration.ofHours(6)),
  LAST_24_HOURS("Last 24 h", Duration.ofHours(24)),
  LAST_7_DAYS("Last 7 days", Duration.ofDays(7)),
  /** The outage window given at start (e.g. the sandbox's recorded incident). */
  OUTAGE("Outage", null),
  CUSTOM("Custom…", null);

  private final String label;
  private final Duration length;

  WindowPreset(String label, Duration length) {
    this.label = label;
    this.length = length;
  }

  public String label() {
    return label;
  }

  /** The length of a relative window; null for {@link #OUTAGE} and {@link #CUSTOM}. */
  public Duration length() {
    return length;
  }

  /** The preset selected at start: the tier's default search window ({@link SearchWindow}). */
  public static WindowPreset standard() {
    for (WindowPreset p : values()) {
      if (SearchWindow.DEFAULT_LENGTH.equals(p.length)) {
        return p;
      }
    }
    throw new IllegalStateException("no preset of " + SearchWindow.DEFAULT_LENGTH);
  }

  /** The relative preset of this length, or null. */
  public static WindowPreset ofLength(Duration length) {
    for (WindowPreset p : values()) {
      if (length.equals(p.length)) {
        return p;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return label;
  }
}
