package org.hopscope.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One series of a PromQL result.
 *
 * @param labels the series' labels
 * @param points samples, oldest first
 */
public record MetricSeries(Map<String, String> labels, List<Point> points) {

  public MetricSeries {
    labels = Map.copyOf(labels);
    points = List.copyOf(points);
  }

  /** One sample: time and value (NaN and infinities kept as Prometheus sent them). */
  public record Point(Instant time, double value) {}
}
