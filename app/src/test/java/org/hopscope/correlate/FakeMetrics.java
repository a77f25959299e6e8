package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;

/** A {@link MetricSource} answering range queries with a function, for logic tests. */
final class FakeMetrics extends RangeOnlyMetrics {

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
}
