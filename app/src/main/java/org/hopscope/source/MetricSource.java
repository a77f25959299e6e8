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

  /**
   * {@link #queryRange} that also says which step was used and why. {@code notes} tell, for
   * example, that the step was raised to stay within 11,000 points per series, and carry the
   * backend's warnings. The default sends {@code step} unchanged and has no notes.
   */
  default RangeResult queryRangeWithNotes(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    return new RangeResult(queryRange(promql, from, to, step, cancel), step, List.of());
  }

  /**
   * Whether {@link #queryRanges} sends several queries in one request (cheaper than one request
   * each); when false, callers ask each query alone, side by side. The default is false.
   */
  default boolean combinesQueries() {
    return false;
  }

  /**
   * Several range queries over one range: one list of series per query, in order, the same series
   * {@link #queryRange} gives for each. A backend that {@link #combinesQueries} asks them together;
   * when the whole call fails, callers ask each query alone, so a failure names its own query. The
   * default asks each in turn.
   */
  default List<List<MetricSeries>> queryRanges(
      List<String> promqls, Instant from, Instant to, Duration step, Cancellation cancel) {
    return promqls.stream().map(q -> queryRange(q, from, to, step, cancel)).toList();
  }

  /**
   * A range query's result.
   *
   * @param series the series
   * @param step the step actually sent
   * @param notes for the user: step raised, backend warnings; empty when none
   */
  record RangeResult(List<MetricSeries> series, Duration step, List<String> notes) {
    public RangeResult {
      series = List.copyOf(series);
      notes = List.copyOf(notes);
    }
  }

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
