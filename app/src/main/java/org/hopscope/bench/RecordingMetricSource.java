package org.hopscope.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;

/**
 * Passes every call on and remembers the range requests (the hop panels, as asked: one query, or
 * several combined, ADR 0046), so a benchmark can replay them: each panel query alone (the slowest
 * of them plus the events is the best a flow with metrics can do when every panel runs beside the
 * others), and the requests as the engine made them, all at once (what the backend's work alone
 * costs, ADR 0055). Thread-safe (the panels are asked in parallel).
 */
final class RecordingMetricSource implements MetricSource {

  /** One recorded range request: its queries (several when combined). */
  record Range(List<String> promqls, Instant from, Instant to, Duration step) {}

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

  /** Asks each query of {@code asked} alone, one after another; the longest one's nanoseconds. */
  long slowestAlone(List<Range> asked, Cancellation cancel) {
    long slowest = 0;
    for (Range r : asked) {
      for (String promql : r.promqls()) {
        long t0 = System.nanoTime();
        delegate.queryRange(promql, r.from(), r.to(), r.step(), cancel);
        slowest = Math.max(slowest, System.nanoTime() - t0);
      }
    }
    return slowest;
  }

  /**
   * Sends the requests of {@code asked} as they were made (combined ones combined), all at once on
   * {@code pool}; the nanoseconds until the last answered.
   */
  long allAtOnce(List<Range> asked, Executor pool, Cancellation cancel) {
    long t0 = System.nanoTime();
    try {
      CompletableFuture.allOf(
              asked.stream()
                  .map(r -> CompletableFuture.runAsync(() -> replay(r, cancel), pool))
                  .toArray(CompletableFuture[]::new))
          .join();
    } catch (CompletionException e) {
      // the backend's own error (e.g. a SourceException naming the query), as the engine's would be
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    return System.nanoTime() - t0;
  }

  private void replay(Range r, Cancellation cancel) {
    if (r.promqls().size() == 1) {
      delegate.queryRange(r.promqls().get(0), r.from(), r.to(), r.step(), cancel);
    } else {
      delegate.queryRanges(r.promqls(), r.from(), r.to(), r.step(), cancel);
    }
  }

  @Override
  public List<MetricSeries> query(String promql, Instant time, Cancellation cancel) {
    return delegate.query(promql, time, cancel);
  }

  @Override
  public List<MetricSeries> queryRange(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    synchronized (this) {
      ranges.add(new Range(List.of(promql), from, to, step));
    }
    return delegate.queryRange(promql, from, to, step, cancel);
  }

  @Override
  public boolean combinesQueries() {
    return delegate.combinesQueries();
  }

  @Override
  public List<List<MetricSeries>> queryRanges(
      List<String> promqls, Instant from, Instant to, Duration step, Cancellation cancel) {
    synchronized (this) {
      ranges.add(new Range(List.copyOf(promqls), from, to, step));
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
