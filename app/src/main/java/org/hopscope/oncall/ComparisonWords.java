package org.hopscope.oncall;

import org.hopscope.model.Comparison.HopComparison;
import org.hopscope.model.Comparison.Side;
import org.hopscope.model.HopVerdict;

/**
 * The words both faces use for a {@link org.hopscope.model.Comparison}: durations, latency deltas
 * and what one side shows at a hop, so the CLI and the client never say it differently.
 */
public final class ComparisonWords {

  private ComparisonWords() {}

  /** "42 ms", "1.2 s", "3 m 05 s", "2 h 07 m"; null: "?". */
  public static String duration(Long millis) {
    if (millis == null) {
      return "?";
    }
    return org.hopscope.model.LatencyWords.of(Math.abs(millis));
  }

  /** "+38.2 s" (the subject slower), "-120 ms" (faster), "±0 ms", or "" when unknown. */
  public static String delta(Long millis) {
    if (millis == null) {
      return "";
    }
    if (millis == 0) {
      return "±0 ms";
    }
    return (millis > 0 ? "+" : "-") + duration(millis);
  }

  /**
   * One side's hand-over at a hop: its latency, "not handed over" when it has events but no latency
   * (stuck, failed, still there), "not reached" without events, "unknown" when unreadable.
   */
  public static String latency(Side side, boolean lastHop) {
    if (side.verdict() == HopVerdict.UNKNOWN && !side.reached()) {
      return "unknown";
    }
    if (!side.reached()) {
      return "not reached";
    }
    if (side.latencyMs() != null) {
      return duration(side.latencyMs());
    }
    return lastHop ? "-" : "not handed over";
  }

  /** One side's verdict at a hop: "not reached" instead of NO_EVIDENCE. */
  public static String verdict(Side side) {
    if (!side.reached() && side.verdict() == HopVerdict.NO_EVIDENCE) {
      return "not reached";
    }
    return side.verdict().name();
  }

  /** "+38.2 s vs healthy" style delta for a hop, or "" when not comparable. */
  public static String hopDelta(HopComparison hop) {
    return hop.latencyDeltaMs() == null ? "" : delta(hop.latencyDeltaMs());
  }

  /** "x2 events" for counts above one, else "". */
  public static String times(int count) {
    return count > 1 ? " (x" + count + ")" : "";
  }

  /** A field value, "(absent)" for none. */
  public static String value(String v) {
    return v == null ? "(absent)" : v;
  }
}
