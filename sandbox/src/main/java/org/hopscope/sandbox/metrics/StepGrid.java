package org.hopscope.sandbox.metrics;

/**
 * The sample instants of a recording: {@code fromMillis}, {@code fromMillis + step}, ... and always
 * {@code toMillis} as the last instant (also when the window is not a multiple of the step).
 *
 * @param fromMillis first sample instant, epoch millis
 * @param toMillis last sample instant, epoch millis, not before {@code fromMillis}
 * @param stepMillis distance between sample instants, positive
 */
record StepGrid(long fromMillis, long toMillis, long stepMillis) {

  /** The window over which the live state's rates and trends are measured. */
  static final long RATE_WINDOW_SECONDS = 300;

  StepGrid {
    if (stepMillis <= 0) {
      throw new IllegalArgumentException("step must be positive, was " + stepMillis + " ms");
    }
    if (toMillis < fromMillis) {
      throw new IllegalArgumentException(
          "recording ends (" + toMillis + ") before it starts (" + fromMillis + ")");
    }
    if ((toMillis - fromMillis) / stepMillis >= Integer.MAX_VALUE - 1) {
      throw new IllegalArgumentException("too many steps: window / step must fit an int");
    }
  }

  /** Number of sample instants. */
  int size() {
    return (int) ceilDiv(toMillis - fromMillis, stepMillis) + 1;
  }

  /** The epoch millis of sample {@code index}. */
  long timeAt(int index) {
    return Math.min(fromMillis + index * stepMillis, toMillis);
  }

  /**
   * The first sample instant at or after {@code epochMillis}: the sample from which on an event at
   * that time is visible; 0 for events before the window, -1 for events after it.
   */
  int indexOf(long epochMillis) {
    if (epochMillis > toMillis) {
      return -1;
    }
    if (epochMillis <= fromMillis) {
      return 0;
    }
    return (int) ceilDiv(epochMillis - fromMillis, stepMillis);
  }

  /** The value at every step of a series kept as per-step deltas (prefix sums). */
  double[] valuesOf(long[] deltas) {
    double[] values = new double[deltas.length];
    long running = 0;
    for (int i = 0; i < deltas.length; i++) {
      running += deltas[i];
      values[i] = running;
    }
    return values;
  }

  /**
   * How fast {@code values} changed per second over the last {@value #RATE_WINDOW_SECONDS} seconds
   * of the recording (or the whole recording if shorter); 0 for a single-instant recording.
   */
  double perSecondAtEnd(double[] values) {
    int last = size() - 1;
    int before = Math.max(0, last - (int) ceilDiv(RATE_WINDOW_SECONDS * 1000, stepMillis));
    double seconds = (timeAt(last) - timeAt(before)) / 1000.0;
    return seconds > 0 ? (values[last] - values[before]) / seconds : 0;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
