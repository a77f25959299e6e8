package org.hopscope.ui.flow;

import java.util.Arrays;
import java.util.List;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;

/**
 * One timeline lane: a hop's events sorted by time with their times as shown (stored time plus the
 * hop's clock correction, {@link EventTimes}) in a {@code long[]} (epoch ms) for binary search, and
 * prefix counts of failures and retries so that any time range can be summarised in O(log n)
 * without touching the events. Built in O(n log n).
 */
public final class LaneIndex {

  private final String hop;
  private final HopVerdict verdict;
  private final long[] times;
  private final long[] ends;
  private final long maxDurationMs;
  private final FlowEvent[] events;
  private final int[] failuresBefore;
  private final int[] retriesBefore;
  private final long skewMs;
  private final boolean unreadable;

  /** Indexes {@code events} (any order) of {@code hop}, times as stored. */
  public LaneIndex(String hop, HopVerdict verdict, List<FlowEvent> events) {
    this(hop, verdict, events, 0, false);
  }

  /**
   * Indexes {@code events} (any order) of {@code hop}, each time corrected by {@code skewMs};
   * {@code unreadable}: the hop's sources could not be read (the lane says so).
   */
  public LaneIndex(
      String hop, HopVerdict verdict, List<FlowEvent> events, long skewMs, boolean unreadable) {
    this.hop = hop;
    this.verdict = verdict;
    this.skewMs = skewMs;
    this.unreadable = unreadable;
    FlowEvent[] sorted = sortedByTime(events.toArray(new FlowEvent[0]));
    long longest = 0;
    this.events = sorted;
    this.times = new long[sorted.length];
    this.ends = new long[sorted.length];
    this.failuresBefore = new int[sorted.length + 1];
    this.retriesBefore = new int[sorted.length + 1];
    for (int i = 0; i < sorted.length; i++) {
      FlowEvent e = sorted[i];
      times[i] = e.timestamp().toEpochMilli() + skewMs;
      ends[i] = times[i] + (long) Math.ceil(durationMs(e));
      longest = Math.max(longest, ends[i] - times[i]);
      failuresBefore[i + 1] = failuresBefore[i] + (isDanger(e) ? 1 : 0);
      retriesBefore[i + 1] = retriesBefore[i] + (isRetry(e) ? 1 : 0);
    }
    maxDurationMs = longest;
  }

  /** A span's duration in ms (fractions kept), 0 for an event without one. */
  public static double durationMs(FlowEvent e) {
    return e.duration() == null ? 0 : e.duration().toNanos() / 1e6;
  }

  /** Whether the event is drawn as a bar: a span whose duration is known. */
  public static boolean isBar(FlowEvent e) {
    return e.span() && e.duration() != null;
  }

  /** The i-th event's end as shown (its time plus its duration, rounded up), in epoch ms. */
  public long end(int i) {
    return ends[i];
  }

  /** The longest duration of any event here, in ms (0 without spans). */
  public long maxDurationMs() {
    return maxDurationMs;
  }

  /**
   * The latest-starting bar whose [start, end] widened by {@code toleranceMs} holds {@code ms}, or
   * -1: O(log n + events that start within the longest duration before {@code ms}).
   */
  public int covering(double ms, double toleranceMs) {
    int from = lowerBound(ms - maxDurationMs - toleranceMs);
    for (int i = lowerBound(ms + toleranceMs) - 1; i >= from; i--) {
      if (isBar(events[i]) && ends[i] + toleranceMs >= ms) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The events in time order, stable: as given when already sorted (the engine delivers them oldest
   * first), else by a primitive sort of (time, position) keys.
   */
  static FlowEvent[] sortedByTime(FlowEvent[] in) {
    long[] times = new long[in.length];
    boolean sorted = true;
    for (int i = 0; i < in.length; i++) {
      times[i] = in[i].timestamp().toEpochMilli();
      sorted &= i == 0 || times[i - 1] <= times[i];
    }
    if (sorted) {
      return in;
    }
    if (in.length >= (1 << 22)) {
      FlowEvent[] out = in.clone();
      Arrays.sort(out, (a, b) -> a.timestamp().compareTo(b.timestamp()));
      return out;
    }
    long min = Arrays.stream(times).min().orElse(0);
    long[] keys = new long[in.length];
    for (int i = 0; i < in.length; i++) {
      keys[i] = ((times[i] - min) << 22) | i;
    }
    Arrays.sort(keys);
    FlowEvent[] out = new FlowEvent[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[(int) (keys[i] & ((1 << 22) - 1))];
    }
    return out;
  }

  /** The lane of a hop of a flow, its times corrected by the hop's clock correction. */
  public static LaneIndex of(HopFlow hop) {
    return new LaneIndex(
        hop.hop(),
        hop.verdict(),
        hop.events(),
        hop.skewMs(),
        hop.verdict() == HopVerdict.UNKNOWN && !hop.blind().isEmpty());
  }

  /** Whether the event is drawn in the danger colour: a failure, a dead letter or an error log. */
  public static boolean isDanger(FlowEvent e) {
    return e.failure() || e.deadLetter() || isErrorLevel(e.level());
  }

  /** Whether a log level is an error level (ERROR, FATAL, SEVERE, any case). */
  public static boolean isErrorLevel(String level) {
    if (level == null) {
      return false;
    }
    String l = level.toLowerCase(java.util.Locale.ROOT);
    return l.startsWith("err") || l.equals("fatal") || l.equals("severe") || l.equals("critical");
  }

  /** Whether the event is a retry (attempt above 1). */
  public static boolean isRetry(FlowEvent e) {
    return e.attempt() != null && e.attempt() > 1;
  }

  public String hop() {
    return hop;
  }

  public HopVerdict verdict() {
    return verdict;
  }

  public int size() {
    return times.length;
  }

  /** The correction added to the stored times of this lane's events, in ms. */
  public long skewMs() {
    return skewMs;
  }

  /** Whether the hop's sources could not be read (its events are unknown, not absent). */
  public boolean unreadable() {
    return unreadable;
  }

  /** The time {@code e} (an event of this lane) is drawn at: stored plus the correction, in ms. */
  public long timeOf(FlowEvent e) {
    return e.timestamp().toEpochMilli() + skewMs;
  }

  /** The i-th event in time order. */
  public FlowEvent event(int i) {
    return events[i];
  }

  /** The i-th time as shown (corrected), in epoch ms. */
  public long time(int i) {
    return times[i];
  }

  /** Index of the first event at or after {@code ms} (size() when none). */
  public int lowerBound(double ms) {
    int lo = 0;
    int hi = times.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (times[mid] < ms) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** Failures and dead letters among events [from, to). */
  public int failures(int from, int to) {
    return failuresBefore[to] - failuresBefore[from];
  }

  /** Retries among events [from, to). */
  public int retries(int from, int to) {
    return retriesBefore[to] - retriesBefore[from];
  }

  /** The event nearest to {@code ms} within {@code toleranceMs}, or -1. */
  public int nearest(double ms, double toleranceMs) {
    int i = lowerBound(ms);
    int best = -1;
    double bestDistance = toleranceMs;
    for (int j = Math.max(0, i - 1); j <= Math.min(times.length - 1, i); j++) {
      double d = Math.abs(times[j] - ms);
      if (d <= bestDistance) {
        best = j;
        bestDistance = d;
      }
    }
    return best;
  }

  /** The position of exactly this event (identity), or -1: O(log n + events at its ms). */
  public int indexOf(FlowEvent e) {
    if (e == null || !hop.equals(e.hop())) {
      return -1;
    }
    long t = timeOf(e);
    for (int i = lowerBound(t); i < times.length && times[i] == t; i++) {
      if (events[i] == e) {
        return i;
      }
    }
    return -1;
  }

  /**
   * As {@link #columns(double, double, int, int[], int[], int[])} for columns whose (real) time
   * bounds are given: column c holds the events in [bounds[c], bounds[c + 1]).
   */
  public int columns(double[] bounds, int columns, int[] counts, int[] failures, int[] retries) {
    int max = 0;
    int from = lowerBound(bounds[0]);
    for (int c = 0; c < columns; c++) {
      int to = lowerBound(bounds[c + 1]);
      counts[c] = to - from;
      failures[c] = failures(from, to);
      retries[c] = retries(from, to);
      max = Math.max(max, counts[c]);
      from = to;
    }
    return max;
  }

  /**
   * Buckets the events in [startMs, startMs + columns * msPerPx) into pixel columns: for column c,
   * {@code counts[c]}, {@code failures[c]} and {@code retries[c]} of the events with times in
   * [startMs + c * msPerPx, startMs + (c + 1) * msPerPx). O(columns * log n), independent of how
   * many events fall in the range. The arrays must hold at least {@code columns} entries.
   *
   * @return the highest count of any column
   */
  public int columns(
      double startMs, double msPerPx, int columns, int[] counts, int[] failures, int[] retries) {
    int max = 0;
    int from = lowerBound(startMs);
    for (int c = 0; c < columns; c++) {
      int to = lowerBound(startMs + (c + 1) * msPerPx);
      counts[c] = to - from;
      failures[c] = failures(from, to);
      retries[c] = retries(from, to);
      max = Math.max(max, counts[c]);
      from = to;
    }
    return max;
  }
}
