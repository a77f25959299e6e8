package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;

/** A {@link MetricSource} answering range queries with a function, for logic tests. */
final class FakeMetrics implements MetricSource {

  interface Range {
    List<MetricSeries> answer(String promql, Instant from, Instant to, Duration step);
  }

  private final Range range;

  FakeMetrics(Range range) {
    this.range = range;
  }

  @Override
  public List<MetricSeries> queryRange(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    return range.answer(promql, from, to, step);
  }

  @Override
  public List<MetricSeries> query(String promql, Instant time, Cancellation cancel) {
    throw new UnsupportedOperationException("not used by the engine");
  }

  @Override
  public List<Map<String, String>> series(
      List<String> m, Instant from, Instant to, Cancellation c) {
    throw new UnsupportedOperationException("not used by the engine");
  }

  @Override
  public List<Exemplars> exemplars(String promql, Instant from, Instant to, Cancellation cancel) {
    throw new UnsupportedOperationException("not used by the engine");
  }

  @Override
  public void close() {}
}
