package org.hopscope.ui.chart;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.SeriesColours;
import org.hopscope.model.TimeWindow;

/**
 * What one time-series chart shows: immutable, built by a view model, drawn by {@link HopChart} and
 * {@link ChartPng}.
 *
 * @param title panel title, e.g. "Consumer lag"
 * @param query the PromQL sent (shown small, copyable)
 * @param unit value axis unit, e.g. {@code req/s}; empty when unknown, never null
 * @param series the lines, in legend order
 * @param events markers at the message's events at the hop, oldest first (collapsed when there are
 *     many, see {@link #eventCount})
 * @param eventCount how many events the markers stand for ({@code >= events.size()})
 * @param range the time axis: the flow's span plus a margin
 * @param outage the outage window clipped to {@code range}, shaded; null for none
 */
public record ChartModel(
    String title,
    String query,
    String unit,
    List<Series> series,
    List<EventMark> events,
    int eventCount,
    TimeWindow range,
    TimeWindow outage) {

  public ChartModel {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(range, "range");
    series = List.copyOf(series);
    events = List.copyOf(events);
  }

  /** What the panel's answer holds, for the card to say so rather than show a bare chart. */
  public enum Data {
    /** No series at all (or no sample with a number): nothing to draw. */
    NONE,
    /** Series with samples, every one of them 0. */
    ALL_ZERO,
    /** At least one non-zero sample. */
    VALUES
  }

  /** Whether the answer has no series, only zeros, or values. */
  public Data data() {
    boolean any = false;
    for (Series s : series) {
      for (MetricSeries.Point p : s.points()) {
        if (Double.isFinite(p.value())) {
          if (p.value() != 0) {
            return Data.VALUES;
          }
          any = true;
        }
      }
    }
    return any ? Data.ALL_ZERO : Data.NONE;
  }

  /** Whether several events share a marker (more events than markers). */
  public boolean collapsed() {
    return events.size() < eventCount;
  }

  /**
   * One line of the chart.
   *
   * @param label legend text, unique within the chart
   * @param points samples, oldest first
   * @param tone its colour ({@link SeriesColours}); null to take the neutral colours in series
   *     order
   */
  public record Series(String label, List<MetricSeries.Point> points, SeriesColours.Tone tone) {
    public Series {
      Objects.requireNonNull(label, "label");
      points = List.copyOf(points);
    }

    /** A series in the neutral colour for its position. */
    public Series(String label, List<MetricSeries.Point> points) {
      this(label, points, null);
    }
  }

  /**
   * A marker on the time axis for one or more events of the message.
   *
   * @param time the (earliest) event's time
   * @param count how many events it stands for, at least 1
   * @param failure whether any of them failed (drawn in the failure colour)
   */
  public record EventMark(Instant time, int count, boolean failure) {}
}
