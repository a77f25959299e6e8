package org.hopscope.ui.flow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The timeline's time axis with its long quiet stretches compressed into marked breaks: a pure,
 * invertible mapping between real time (epoch ms, as shown) and axis time (the ms the {@link
 * TimelineViewport} lays out), no FX. Between breaks the two run at the same rate (axis time = real
 * time minus the compressed time before it), so ticks, zoom and pan keep their meaning; a break's
 * real gap is squeezed linearly into its axis length.
 *
 * <p>The rule (ADR 0028): a quiet stretch is a time in which no lane has an event or a span
 * running. Taking the longest first, a stretch is compressed while it is at least {@link
 * #MIN_BREAK_MS} and longer than {@link #SHARE} times the time that stays shown without it; each
 * break then takes {@link #BREAK_SHARE} of the time shown (at least 1 ms).
 */
public final class TimelineGaps {

  /** Shorter quiet stretches are never compressed. */
  public static final long MIN_BREAK_MS = 5_000;

  /**
   * A stretch is compressed while longer than this share of what stays shown without it: 1, it
   * would take more than half of the axis.
   */
  public static final double SHARE = 1.0;

  /** A break's axis length as a share of the time shown. */
  public static final double BREAK_SHARE = 0.1;

  private static final TimelineGaps NONE = new TimelineGaps(List.of());

  /**
   * One compressed quiet stretch: real [fromMs, toMs] drawn over axis [axisFrom, axisTo].
   *
   * @param fromMs the end of the activity before it (real epoch ms)
   * @param toMs the start of the activity after it
   * @param axisFrom where it starts on the axis
   * @param axisTo where it ends on the axis
   */
  public record Break(long fromMs, long toMs, double axisFrom, double axisTo) {

    public long gapMs() {
      return toMs - fromMs;
    }

    /** The words printed in the break: "≈ 42 s", "≈ 8 min", "≈ 2.5 h". */
    public String label() {
      return "≈ " + about(gapMs());
    }

    /** The hover text: the real gap, exactly, and from when to when. */
    public String hoverText() {
      return "No events for "
          + FlowFormat.latency(gapMs())
          + " ("
          + FlowFormat.time(Instant.ofEpochMilli(fromMs))
          + " – "
          + FlowFormat.time(Instant.ofEpochMilli(toMs))
          + " UTC), compressed on the timeline";
    }
  }

  private final List<Break> breaks;

  private TimelineGaps(List<Break> breaks) {
    this.breaks = List.copyOf(breaks);
  }

  /** No compression: axis time is real time. */
  public static TimelineGaps none() {
    return NONE;
  }

  /**
   * The breaks for activity intervals [starts[i], ends[i]] (any order; ends[i] &gt;= starts[i], a
   * point event has end == start). O(n log n).
   */
  public static TimelineGaps of(long[] starts, long[] ends) {
    int n = starts.length;
    if (n < 2) {
      return NONE;
    }
    long[][] iv = new long[n][];
    for (int i = 0; i < n; i++) {
      iv[i] = new long[] {starts[i], Math.max(starts[i], ends[i])};
    }
    Arrays.sort(iv, (a, b) -> Long.compare(a[0], b[0]));
    List<long[]> gaps = new ArrayList<>(); // {from, to}
    long reach = iv[0][1];
    for (int i = 1; i < n; i++) {
      if (iv[i][0] > reach) {
        gaps.add(new long[] {reach, iv[i][0]});
      }
      reach = Math.max(reach, iv[i][1]);
    }
    long shown = reach - iv[0][0];
    List<long[]> chosen = new ArrayList<>();
    List<long[]> longestFirst = new ArrayList<>(gaps);
    longestFirst.sort((a, b) -> Long.compare(b[1] - b[0], a[1] - a[0]));
    for (long[] g : longestFirst) {
      long gap = g[1] - g[0];
      if (gap < MIN_BREAK_MS || gap <= SHARE * (shown - gap)) {
        break;
      }
      chosen.add(g);
      shown -= gap;
    }
    if (chosen.isEmpty()) {
      return NONE;
    }
    chosen.sort((a, b) -> Long.compare(a[0], b[0]));
    double length = Math.max(1, Math.round(BREAK_SHARE * shown));
    List<Break> out = new ArrayList<>();
    double removed = 0;
    for (long[] g : chosen) {
      double axisFrom = g[0] - removed;
      out.add(new Break(g[0], g[1], axisFrom, axisFrom + length));
      removed += (g[1] - g[0]) - length;
    }
    return new TimelineGaps(out);
  }

  /** The breaks of the lanes' activity: every event's [time, end] as shown. */
  public static TimelineGaps of(List<LaneIndex> lanes) {
    int n = lanes.stream().mapToInt(LaneIndex::size).sum();
    long[] starts = new long[n];
    long[] ends = new long[n];
    int k = 0;
    for (LaneIndex lane : lanes) {
      for (int i = 0; i < lane.size(); i++, k++) {
        starts[k] = lane.time(i);
        ends[k] = lane.end(i);
      }
    }
    return of(starts, ends);
  }

  /** The breaks, oldest first. */
  public List<Break> breaks() {
    return breaks;
  }

  /** The axis time of a real time (monotonic; inside a break, linear across it). */
  public double axis(double realMs) {
    double removed = 0;
    for (Break b : breaks) {
      if (realMs <= b.fromMs()) {
        break;
      }
      if (realMs < b.toMs()) {
        return b.axisFrom() + (realMs - b.fromMs()) / b.gapMs() * (b.axisTo() - b.axisFrom());
      }
      removed = b.toMs() - b.axisTo();
    }
    return realMs - removed;
  }

  /** The real time of an axis time: the inverse of {@link #axis}. */
  public double real(double axisMs) {
    double removed = 0;
    for (Break b : breaks) {
      if (axisMs <= b.axisFrom()) {
        break;
      }
      if (axisMs < b.axisTo()) {
        return b.fromMs() + (axisMs - b.axisFrom()) / (b.axisTo() - b.axisFrom()) * b.gapMs();
      }
      removed = b.toMs() - b.axisTo();
    }
    return axisMs + removed;
  }

  /** The break drawn at an axis time, or null. */
  public Break breakAt(double axisMs) {
    for (Break b : breaks) {
      if (axisMs >= b.axisFrom() && axisMs <= b.axisTo()) {
        return b;
      }
    }
    return null;
  }

  /** A rounded duration: "42 s", "8 min", "2.5 h", "3 d". */
  static String about(long ms) {
    double s = ms / 1_000.0;
    if (s < 59.5) {
      return Math.round(s) + " s";
    }
    double min = s / 60;
    if (min < 59.5) {
      return Math.round(min) + " min";
    }
    double h = min / 60;
    if (h < 9.95) {
      return String.format(Locale.ROOT, "%.1f h", h).replace(".0 h", " h");
    }
    if (h < 47.5) {
      return Math.round(h) + " h";
    }
    return Math.round(h / 24) + " d";
  }
}
