package org.hopscope.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;

/**
 * Passes every call on and remembers the range queries (the hop panels; each panel of a combined
 * request on its own, ADR 0046), so a benchmark can replay each panel query alone: the slowest of
 * them plus the events is the best a flow with metrics can do when the panels run beside each
 * other. Thread-safe (the panels are asked in parallel).
 */
final class RecordingMetricSource implements MetricSource {

  /** One recorded range query. */
  record Range(String promql, Instant from, Instant to, Duration step) {}

  private final MetricSource delegate;
  private final List<Range> ranges = new ArrayList<>();

  RecordingMetricSource(MetricSource delegate) {
    this.delegate = delegate;
  }

  /** The range queries since the last call, and forgets them. */
  synchronized List<Range> takeRanges() {
    List<Range> out = List.copyOf(ranges);
    ranges.clear();
    return out;
  }

  /** Asks each of {@code asked} alone, one after another; the longest one's nanoseconds. */
  long slowestAlone(List<Range> asked, Cancellation cancel) {
    long slowest = 0;
    for (Range r : asked) {
      long t0 = System.nanoTime();
      delegate.queryRange(r.promql(), r.from(), r.to(), r.step(), cancel);
      slowest = Math.max(slowest, System.nanoTime() - t0);
    }
    return slowest;
  }

  @Override
  public List<MetricSeries> query(String promql, Instant time, Cancellation cancel) {
    return delegate.query(promql, time, cancel);
  }

  @Override
  public List<MetricSeries> queryRange(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    synchronized (this) {
      ranges.add(new Range(promql, from, to, step));
    }
    return delegate.queryRange(promql, from, to, step, cancel);
  }

  @Override
  public boolean combinesQueries() {
    return delegate.combinesQueries();
  }

  /** Records each query as its own range query (the baseline asks each alone), then passes on. */
  @Override
  public List<List<MetricSeries>> queryRanges(
      List<String> promqls, Instant from, Instant to, Duration step, Cancellation cancel) {
    synchronized (this) {
      promqls.forEach(q -> ranges.add(new Range(q, from, to, step)));
    }
    return delegate.queryRanges(promqls, from, to, step, cancel);
  }

  @Override
  public List<Map<String, String>> series(
      List<String> matchers, Instant from, Instant to, Cancellation cancel) {
    return delegate.series(matchers, from, to, cancel);
  }

  @Override
  public List<Exemplars> exemplars(String promql, Instant from, Instant to, Cancellation cancel) {
    return delegate.exemplars(promql, from, to, cancel);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
