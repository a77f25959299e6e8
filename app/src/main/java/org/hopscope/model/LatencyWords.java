package org.hopscope.model;

import java.util.Locale;

/**
 * A latency or hand-over time as every face prints it: "42 ms", "1.2 s", "3 m 05 s", "2 h 07 m".
 * One place, so the flow's diagram, the CLI and a comparison read the same for the same time.
 */
public final class LatencyWords {

  private LatencyWords() {}

  /** {@code millis} (not negative) in words. */
  public static String of(long millis) {
    if (millis < 1_000) {
      return millis + " ms";
    }
    if (millis < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", millis / 1_000.0);
    }
    long s = millis / 1_000;
    if (s < 3_600) {
      return String.format(Locale.ROOT, "%d m %02d s", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d m", s / 3_600, (s % 3_600) / 60);
  }
}
