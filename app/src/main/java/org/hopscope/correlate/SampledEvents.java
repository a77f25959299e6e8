package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.hopscope.model.BlindSource;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.Utf8Order;
import org.hopscope.source.Cancellation;
import org.hopscope.source.CountQuery;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SampleTooLargeException;

/**
 * An event source whose key scans see only a hash sample of the keys: partitions {@code [0, parts)}
 * of {@code partitions} ({@link EventSource#sample}), one round trip per partition and scan, no
 * paging. The stuck analysis run on it judges the sampled messages exactly as it judges all of
 * them; its counts times {@code partitions / parts} estimate the full counts (ADR 0035). A key
 * keeps its partition in every field and index, so a message's evidence at every hop is sampled
 * together; the link values of a batch or split are not (their scans are refused).
 */
final class SampledEvents implements EventSource {

  private final EventSource events;
  private final int parts;
  private final int partitions;
  private final int most;
  private final Executor pool;
  private final AtomicInteger halvings = new AtomicInteger();

  /**
   * @param parts how many partitions are read, at most {@code partitions}
   * @param most most keys one partition of one scan may hold
   * @param pool fetches the partitions of a scan in parallel (null: one after the other)
   */
  SampledEvents(EventSource events, int parts, int partitions, int most, Executor pool) {
    if (parts < 1 || parts > partitions) {
      throw new IllegalArgumentException("parts must be 1.." + partitions + ", got " + parts);
    }
    this.events = events;
    this.parts = parts;
    this.partitions = partitions;
    this.most = most;
    this.pool = pool;
  }

  /**
   * Starts the scan's requests (on the pool, so that the scans a merge opens one after the other
   * are in flight together) and answers them as one page, sorted by key, at the first {@code
   * next()}; a failure surfaces there.
   */
  @Override
  public KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
    List<CompletableFuture<List<KeyBucket>>> each = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int part = p;
      each.add(
          pool == null
              ? CompletableFuture.completedFuture(read(scan, part, cancel))
              : CompletableFuture.supplyAsync(() -> read(scan, part, cancel), pool));
    }
    return new KeyCursor() {
      private boolean done;

      @Override
      public List<KeyBucket> next() {
        if (done) {
          return List.of();
        }
        done = true;
        return joined(each);
      }

      @Override
      public void close() {
        done = true;
      }
    };
  }

  private static List<KeyBucket> joined(List<CompletableFuture<List<KeyBucket>>> each) {
    List<KeyBucket> all = new ArrayList<>();
    for (CompletableFuture<List<KeyBucket>> f : each) {
      try {
        all.addAll(f.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    all.sort((a, b) -> Utf8Order.INSTANCE.compare(a.key(), b.key()));
    return all;
  }

  /**
   * Partition {@code part} of {@link #partitions}, read as {@code 2^halvings} smaller ones when one
   * request cannot hold it (partition p of n is partitions p and p + n of 2n: the same keys). A
   * halving learnt on one scan is kept for the next, so a cluster that refuses the size is asked
   * once; at most {@link #MOST_HALVINGS} halvings, then the refusal stands.
   */
  private List<KeyBucket> read(KeyScan scan, int part, Cancellation cancel) {
    while (true) {
      int h = halvings.get();
      try {
        List<KeyBucket> out = new ArrayList<>();
        long n = (long) partitions << h;
        for (long p = part; p < n; p += partitions) {
          out.addAll(events.sample(scan, (int) p, (int) n, most, cancel));
        }
        return out;
      } catch (SampleTooLargeException e) {
        if (h >= MOST_HALVINGS || ((long) partitions << (h + 1)) > Integer.MAX_VALUE) {
          throw e;
        }
        halvings.compareAndSet(h, h + 1);
      }
    }
  }

  /** Halvings of a partition before a refusal stands: 1/64 of its keys per request. */
  static final int MOST_HALVINGS = 6;

  @Override
  public ValuesCursor scanValues(
      org.hopscope.source.KeyValuesScan scan, int pageSize, Cancellation cancel) {
    throw new UnsupportedOperationException(
        "a hash sample of messages cannot follow a batch's or a split's link values");
  }

  @Override
  public FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limitPerQuery,
      Cancellation cancel,
      FirstPages.Listener early) {
    return events.find(queries, window, limitPerQuery, cancel, early);
  }

  @Override
  public long count(CountQuery query, Cancellation cancel) {
    return events.count(query, cancel);
  }

  @Override
  public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
    return events.blindSources(patterns, cancel);
  }

  @Override
  public void close() {
    // the wrapped source belongs to the caller
  }
}
