package org.hopscope.source;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;

/**
 * Where metrics are (Prometheus or a compatible backend). Synchronous, thread-safe, cancellable;
 * errors are {@link SourceException}s carrying Prometheus' {@code errorType} and {@code error}
 * verbatim.
 */
public interface MetricSource extends AutoCloseable {

  /** {@code /api/v1/query} at {@code time}. */
  List<MetricSeries> query(String promql, Instant time, Cancellation cancel);

  /**
   * {@code /api/v1/query_range}; {@code step} is raised when needed so a series stays within 11,000
   * points.
   */
  List<MetricSeries> queryRange(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel);

  /** {@code /api/v1/series}: label sets matching the selectors. */
  List<Map<String, String>> series(
      List<String> matchers, Instant from, Instant to, Cancellation cancel);

  /** {@code /api/v1/query_exemplars}: per series its exemplars' labels, time and value. */
  List<Exemplars> exemplars(String promql, Instant from, Instant to, Cancellation cancel);

  /**
   * Exemplars of one series.
   *
   * @param seriesLabels the series
   * @param exemplars each exemplar's labels (e.g. trace_id), time and value
   */
  record Exemplars(Map<String, String> seriesLabels, List<Exemplar> exemplars) {}

  /** One exemplar. */
  record Exemplar(Map<String, String> labels, Instant time, double value) {}

  @Override
  void close();
}
