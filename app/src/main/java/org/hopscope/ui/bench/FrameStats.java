package org.hopscope.ui.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Summary of a series of durations (nanoseconds): count, median and 99th percentile (nearest rank),
 * written in milliseconds.
 *
 * @param count how many samples
 * @param medianMs the median in ms (0 without samples)
 * @param p99Ms the 99th percentile in ms (0 without samples)
 * @param maxMs the largest sample in ms
 */
public record FrameStats(int count, double medianMs, double p99Ms, double maxMs) {

  /** Summarises {@code nanos} (not modified). */
  public static FrameStats of(long[] nanos) {
    if (nanos.length == 0) {
      return new FrameStats(0, 0, 0, 0);
    }
    long[] s = nanos.clone();
    Arrays.sort(s);
    return new FrameStats(s.length, ms(rank(s, 0.5)), ms(rank(s, 0.99)), ms(s[s.length - 1]));
  }

  /** The nearest-rank percentile {@code p} (0..1] of sorted {@code s}. */
  static long rank(long[] s, double p) {
    int i = (int) Math.ceil(p * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** "median 4.1 ms, p99 9.8 ms (n=300)". */
  public String text() {
    return String.format(Locale.ROOT, "median %.1f ms, p99 %.1f ms (n=%d)", medianMs, p99Ms, count);
  }
}
