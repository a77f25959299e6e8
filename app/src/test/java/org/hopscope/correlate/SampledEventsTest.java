package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hopscope.model.BlindSource;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SampleTooLargeException;
import org.junit.jupiter.api.Test;

/** The sampled source: the partitions read, merged in key order as one page; links refused. */
class SampledEventsTest {

  private static final Instant T = Instant.parse("2026-11-26T02:00:00Z");
  private static final KeyScan SCAN =
      new KeyScan(
          List.of("x-*"),
          FieldPath.parse("id"),
          FieldPath.parse("@timestamp"),
          TimestampFormat.ISO,
          new TimeWindow(T, T.plusSeconds(60)),
          List.of(),
          List.of());

  /** Partition p holds keys "b{p}" and "a{p}" (unsorted), and records what was asked. */
  private static final class Partitions implements EventSource {
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    /** If set, each request waits (at most 10 s) until this many are in flight: did they meet? */
    CountDownLatch meet;

    final List<Boolean> met = Collections.synchronizedList(new ArrayList<>());

    /** Requests over fewer partitions than this are refused as too large. */
    int refusedBelow;

    @Override
    public List<KeyBucket> sample(
        KeyScan scan, int partition, int partitions, int most, Cancellation cancel) {
      asked.add(partition + "/" + partitions + " most " + most);
      if (meet != null) {
        meet.countDown();
        try {
          met.add(meet.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
      if (partitions < refusedBelow) {
        throw new SampleTooLargeException("Test", "too many buckets in 1/" + partitions, null);
      }
      return List.of(bucket("b" + partition), bucket("a" + partition));
    }

    @Override
    public FindResult find(
        List<IdQuery> q, TimeWindow w, int limit, Cancellation c, FirstPages.Listener early) {
      throw new AssertionError("not asked");
    }

    @Override
    public KeyCursor scan(KeyScan scan, int pageSize, Cancellation cancel) {
      throw new AssertionError("a sampled source never scans every key");
    }

    @Override
    public List<BlindSource> blindSources(Collection<String> patterns, Cancellation cancel) {
      return List.of();
    }

    @Override
    public void close() {}
  }

  private static KeyBucket bucket(String key) {
    return new KeyBucket(key, T, T, 1, 0, 0);
  }

  @Test
  void theReadPartitionsComeAsOnePageInKeyOrder() {
    Partitions source = new Partitions();
    try (EventSource.KeyCursor c =
        new SampledEvents(source, 2, 9, 500, null).scan(SCAN, 10_000, Cancellation.none())) {
      assertThat(c.next()).extracting(KeyBucket::key).containsExactly("a0", "a1", "b0", "b1");
      assertThat(c.next()).isEmpty();
    }
    assertThat(source.asked).containsExactly("0/9 most 500", "1/9 most 500");
  }

  @Test
  void aPartitionTooLargeForOneRequestIsReadAsItsHalvesAndTheHalvingIsKept() {
    Partitions source = new Partitions();
    source.refusedBelow = 30; // 1/9 and 1/18 refused, 1/36 taken
    SampledEvents sampled = new SampledEvents(source, 1, 9, 500, null);
    try (EventSource.KeyCursor c = sampled.scan(SCAN, 10_000, Cancellation.none())) {
      // partition 0 of 9 is partitions 0, 9, 18 and 27 of 36: the same keys, in key order
      assertThat(c.next())
          .extracting(KeyBucket::key)
          .containsExactly("a0", "a18", "a27", "a9", "b0", "b18", "b27", "b9");
    }
    assertThat(source.asked)
        .containsExactly(
            "0/9 most 500",
            "0/18 most 500",
            "0/36 most 500",
            "9/36 most 500",
            "18/36 most 500",
            "27/36 most 500");
    source.asked.clear();
    try (EventSource.KeyCursor c = sampled.scan(SCAN, 10_000, Cancellation.none())) {
      assertThat(c.next()).hasSize(8);
    }
    assertThat(source.asked)
        .as("the next scan starts at the halving learnt")
        .containsExactly("0/36 most 500", "9/36 most 500", "18/36 most 500", "27/36 most 500");
  }

  @Test
  void aRefusalAfterTheLastHalvingStands() {
    Partitions source = new Partitions();
    source.refusedBelow = Integer.MAX_VALUE;
    SampledEvents sampled = new SampledEvents(source, 1, 9, 500, null);
    assertThatThrownBy(() -> sampled.scan(SCAN, 10_000, Cancellation.none()))
        .isInstanceOf(SampleTooLargeException.class)
        .hasMessage("too many buckets in 1/" + (9 << SampledEvents.MOST_HALVINGS));
  }

  @Test
  void linkValuesOfBatchesAreNotSampled() {
    SampledEvents sampled = new SampledEvents(new Partitions(), 1, 9, 500, null);
    assertThatThrownBy(() -> sampled.scanValues(null, 10, Cancellation.none()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("a hash sample of messages cannot follow a batch's or a split's link values");
  }

  @Test
  void scansOpenedOneAfterTheOtherAreInFlightTogether() {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Partitions source = new Partitions();
      source.meet = new CountDownLatch(2);
      SampledEvents sampled = new SampledEvents(source, 1, 9, 500, pool);
      try (EventSource.KeyCursor first = sampled.scan(SCAN, 10_000, Cancellation.none());
          EventSource.KeyCursor second = sampled.scan(SCAN, 10_000, Cancellation.none())) {
        assertThat(first.next()).extracting(KeyBucket::key).containsExactly("a0", "b0");
        assertThat(second.next()).extracting(KeyBucket::key).containsExactly("a0", "b0");
        assertThat(first.next()).isEmpty();
      }
      assertThat(source.met).containsExactly(true, true);
    } finally {
      pool.shutdownNow();
    }
  }
}
