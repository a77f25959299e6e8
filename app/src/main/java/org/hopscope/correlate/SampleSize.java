package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.DistinctCount;
import org.hopscope.source.EventSource;
import org.hopscope.source.UnreadableIndexException;

/**
 * How big the stuck funnel's hash sample is: the key space is cut into {@code partitions} so that
 * one partition of the busiest scan holds about a target number of keys ({@link #TARGET} by
 * default), and {@code parts} of them (at most {@link #PARTS}) are read; when every partition is
 * read the "sample" is every key and the counts are exact. Scales a sample's count up with its
 * error bound.
 *
 * @param parts partitions read
 * @param partitions partitions in all
 * @param keys the distinct keys of the busiest scan, by a cardinality (an estimate)
 */
record SampleSize(int parts, int partitions, long keys) {

  /**
   * Keys aimed at in one partition of one scan: the sample is one partition, read in one request
   * per scan, because every request visits all of the scan's documents whatever its partition (ADR
   * 0044).
   */
  static final int TARGET = 32_000;

  /**
   * Most keys one partition of one scan may hold in one request: Elasticsearch and OpenSearch
   * refuse more than 65,536 / 65,535 buckets per search by default, and count the terms buckets,
   * not a key's single-bucket figures (filter, reverse_nested). A cluster with a lower {@code
   * search.max_buckets} refuses: the partition is then read as smaller ones ({@link
   * SampledEvents}).
   */
  static final int MOST = 60_000;

  /** Partitions read (one request each per scan, in parallel). */
  static final int PARTS = 1;

  /**
   * Sizes the sample from distinct counts of each hop's keys over the window and {@code lookback}
   * before it (a hop whose index cannot be read is left to the analysis: it is blind there).
   */
  static SampleSize of(
      EventSource events,
      PathDef path,
      TimeWindow window,
      Instant asOf,
      Duration lookback,
      int target,
      Executor pool,
      Cancellation cancel) {
    TimeWindow read = new TimeWindow(window.from().minus(lookback), asOf.plusMillis(1));
    List<CompletableFuture<Long>> counts = new ArrayList<>();
    for (int k = 0; k < path.hops().size(); k++) {
      Hop hop = path.hops().get(k);
      Set<FieldPath> keys = new LinkedHashSet<>();
      hop.sources().forEach(s -> keys.addAll(s.fields().messageIds()));
      for (IdLink l : path.links()) {
        if (l.toHop().equals(hop.name())) {
          keys.add(l.toField());
        }
        if (l.fromHop().equals(hop.name())) {
          keys.add(l.fromField());
        }
      }
      for (EventSourceDef s : hop.sources()) {
        for (FieldPath key : keys) {
          DistinctCount q =
              new DistinctCount(
                  List.of(s.index()),
                  List.of(key),
                  List.of(
                      new DistinctCount.Part(
                          "keys",
                          List.of(
                              new DistinctCount.Slice(
                                  List.of(),
                                  s.fields().timestamp(),
                                  s.fields().timestampFormat(),
                                  read,
                                  List.of())))));
          java.util.function.Supplier<Long> ask =
              () -> {
                try {
                  return events.countDistinct(q, cancel).get("keys").values();
                } catch (UnreadableIndexException e) {
                  return 0L; // blind: the analysis does not scan it
                }
              };
          counts.add(
              pool == null
                  ? CompletableFuture.completedFuture(ask.get())
                  : CompletableFuture.supplyAsync(ask, pool));
        }
      }
    }
    long most = 0;
    for (CompletableFuture<Long> c : counts) {
      try {
        most = Math.max(most, c.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    // a cardinality may be a little low above 40,000: aim below the limit
    int partitions = (int) Math.max(1, (most + target - 1) / target);
    return new SampleSize(Math.min(partitions, PARTS), partitions, most);
  }

  /** Whether every key is read (the counts are exact). */
  boolean whole() {
    return parts == partitions;
  }

  /**
   * A count of the sample scaled to all keys: {@code count / f} with {@code f = parts /
   * partitions}; bound 3 standard errors of a hash sample ({@code sqrt(count (1 - f)) / f}, the
   * count taken as at least 1 so that a sample without any still has a bound); exact (bound 0) when
   * every key is read.
   */
  Figure scale(long count) {
    if (whole()) {
      return Figure.of(count, 0, "every message ID read: exact, as the key scan counts");
    }
    double f = (double) parts / partitions;
    long value = Math.round(count / f);
    long bound = (long) Math.ceil(3 * Math.sqrt(Math.max(count, 1) * (1 - f)) / f);
    return Figure.of(
        value,
        bound,
        "hash sample of %d/%d of the message IDs: ± 3 standard errors of the sample"
            .formatted(parts, partitions));
  }
}
