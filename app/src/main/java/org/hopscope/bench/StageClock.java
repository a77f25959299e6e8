package org.hopscope.bench;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.hopscope.model.BlindSource;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.CountQuery;
import org.hopscope.source.DistinctCount;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;

/**
 * Passes every call on and clocks where the estimate stage's time goes: per kind of request (sizing
 * distinct counts, partition samples, the rest) the span from the first call's start to the last
 * call's end, and the calls' summed time (above the span when they overlap).
 */
final class StageClock implements EventSource {

  /** One kind of request: calls, summed nanoseconds, first start and last end. */
  private static final class Stage {
    final AtomicLong calls = new AtomicLong();
    final AtomicLong summed = new AtomicLong();
    final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    <T> T time(Supplier<T> call) {
      long t0 = System.nanoTime();
      first.accumulateAndGet(t0, Math::min);
      try {
        return call.get();
      } finally {
        long t1 = System.nanoTime();
        last.accumulateAndGet(t1, Math::max);
        summed.addAndGet(t1 - t0);
        calls.incrementAndGet();
      }
    }

    String text(String name, long start) {
      if (calls.get() == 0) {
        return name + " none";
      }
      return String.format(
          Locale.ROOT,
          "%s %d call(s) %.2f..%.2f s (summed %.2f s)",
          name,
          calls.get(),
          (first.get() - start) / 1e9,
          (last.get() - start) / 1e9,
          summed.get() / 1e9);
    }
  }

  private final EventSource events;
  private final Stage sizing = new Stage();
  private final Stage samples = new Stage();
  private final Stage other = new Stage();
  private long start = System.nanoTime();

  StageClock(EventSource events) {
    this.events = events;
  }

  /** Forgets what was clocked; times are read from now. */
  void restart() {
    start = System.nanoTime();
    for (Stage s : List.of(sizing, samples, other)) {
      s.calls.set(0);
      s.summed.set(0);
      s.first.set(Long.MAX_VALUE);
      s.last.set(Long.MIN_VALUE);
    }
  }

  /** Where the time went since {@link #restart}, one line. */
  String text() {
    return sizing.text("sizing (distinct counts)", start)
        + "; "
        + samples.text("partition samples", start)
        + "; "
        + other.text("other requests", start);
  }

  @Override
  public Map<String, DistinctCount.Distinct> countDistinct(
      DistinctCount query, Cancellation cancel) {
    return sizing.time(() -> events.countDistinct(query, cancel));
  }

  @Override
  public List<KeyBucket> sample(
      KeyScan scan, int partition, int partitions, int most, Cancellation cancel) {
    return samples.time(() -> events.sample(scan, partition, partitions, most, cancel));
  }

  @Override
  public FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early) {
    return other.time(() -> events.find(queries, window, limitPerQuery, cancel, early));
  }

  @Override
  public KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
    return other.time(() -> events.scan(scan, pageSize, cancel));
  }

  @Override
  public long count(CountQuery query, Cancellation cancel) {
    return other.time(() -> events.count(query, cancel));
  }

  @Override
  public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
    return other.time(() -> events.blindSources(patterns, cancel));
  }

  @Override
  public void close() {
    // the wrapped source belongs to the caller
  }
}
