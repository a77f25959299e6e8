package org.hopscope.correlate;

import java.time.Duration;
import java.util.List;
import org.hopscope.model.Hop;
import org.hopscope.model.Notice;

/**
 * Estimates, per hop, how far its stored times must move forwards so a journey runs forwards: a hop
 * whose first event lies before the (corrected) first event of the hop before it has a clock that
 * runs behind by at least that much. The estimate is a lower bound (the true hand-over time is
 * unknown, so the corrected hand-over is 0) and is reported as {@link Notice.ClockSkew}.
 */
final class ClockCorrection {

  private ClockCorrection() {}

  /** Per hop: milliseconds to add to its stored times (0: none); notices go to {@code notices}. */
  static long[] of(List<Hop> hops, List<HopEvidence> evidence, List<Notice> notices) {
    long[] skew = new long[hops.size()];
    int previous = -1;
    for (int k = 0; k < hops.size(); k++) {
      if (!evidence.get(k).present()) {
        continue;
      }
      if (previous >= 0) {
        long behind =
            Duration.between(evidence.get(k).first(), evidence.get(previous).first()).toMillis()
                + skew[previous];
        if (behind > 0) {
          skew[k] = behind;
          notices.add(new Notice.ClockSkew(hops.get(previous).name(), hops.get(k).name(), behind));
        }
      }
      previous = k;
    }
    return skew;
  }

  /**
   * The corrected time from hop {@code k}'s first event to hop {@code k + 1}'s, never negative;
   * null when either has no evidence.
   */
  static Long latency(List<HopEvidence> evidence, long[] skew, int k) {
    if (k + 1 >= evidence.size() || !evidence.get(k).present() || !evidence.get(k + 1).present()) {
      return null;
    }
    long ms =
        Duration.between(evidence.get(k).first(), evidence.get(k + 1).first()).toMillis()
            + skew[k + 1]
            - skew[k];
    return Math.max(0, ms);
  }
}
