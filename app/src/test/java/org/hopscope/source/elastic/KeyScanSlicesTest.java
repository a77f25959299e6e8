package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.model.Utf8Order;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;
import org.junit.jupiter.api.Test;

/**
 * A scan read in time slices gives exactly the buckets of one scan of the whole window: the same
 * keys in the same order, each key's figures combined across the slices.
 */
class KeyScanSlicesTest {

  private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
  private static final TimeWindow WINDOW = new TimeWindow(T0, T0.plus(Duration.ofHours(1)));

  /** One document: its key, time, whether it is a failure / dead letter / terminal / marked. */
  private record Doc(String key, Instant at, boolean failure, boolean dead, boolean terminal) {}

  /** What one composite scan of {@code docs} in {@code window} answers, page by page. */
  private static EventSource.KeyCursor cursor(List<Doc> docs, TimeWindow window, int pageSize) {
    List<KeyBucket> buckets = buckets(docs, window);
    return new EventSource.KeyCursor() {
      int pos;

      @Override
      public List<KeyBucket> next() {
        List<KeyBucket> page = buckets.subList(pos, Math.min(buckets.size(), pos + pageSize));
        pos += page.size();
        return List.copyOf(page);
      }

      @Override
      public void close() {}
    };
  }

  private static List<KeyBucket> buckets(List<Doc> docs, TimeWindow window) {
    TreeMap<String, KeyBucket> byKey = new TreeMap<>(Utf8Order.INSTANCE);
    for (Doc d : docs) {
      if (!window.contains(d.at())) {
        continue;
      }
      KeyBucket one =
          new KeyBucket(
              d.key(),
              d.at(),
              d.at(),
              1,
              d.failure() ? 1 : 0,
              d.dead() ? 1 : 0,
              d.failure() ? d.at() : null,
              d.terminal() ? 1 : 0,
              d.dead() ? 1 : 0);
      byKey.merge(d.key(), one, KeyScanSlices::combine);
    }
    return new ArrayList<>(byKey.values());
  }

  private static List<Doc> documents(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] alphabet = {"a", "b", "z", "é", "\uFF01", "\uD83D\uDE00", "0", "9"};
    List<Doc> docs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      StringBuilder key = new StringBuilder();
      for (int c = 0; c < 1 + random.nextInt(3); c++) {
        key.append(alphabet[random.nextInt(alphabet.length)]);
      }
      Instant at = T0.plusMillis(random.nextLong(Duration.ofHours(1).toMillis()));
      boolean failure = random.nextInt(5) == 0;
      docs.add(
          new Doc(
              key.toString(),
              at,
              failure,
              random.nextInt(7) == 0,
              failure && random.nextBoolean()));
    }
    return docs;
  }

  private static List<KeyBucket> drain(EventSource.KeyCursor cursor, int pageSize) {
    List<KeyBucket> all = new ArrayList<>();
    for (List<KeyBucket> page = cursor.next(); !page.isEmpty(); page = cursor.next()) {
      assertThat(page.size()).isLessThanOrEqualTo(pageSize);
      all.addAll(page);
    }
    return all;
  }

  private static KeyScan scan() {
    return new KeyScan(
        List.of("logs-*"),
        FieldPath.parse("labels.message_id"),
        FieldPath.parse("@timestamp"),
        TimestampFormat.ISO,
        WINDOW,
        List.of(),
        List.of());
  }

  @Test
  void slicesMergedGiveTheWholeWindowsBuckets() {
    List<Doc> docs = documents(3_000, 42);
    List<KeyBucket> whole = buckets(docs, WINDOW);
    for (long documents : new long[] {1, 150_000, 300_001, 10_000_000}) {
      for (int pageSize : new int[] {1, 7, 100}) {
        List<TimeWindow> opened = new ArrayList<>();
        KeyScanSlices sliced =
            new KeyScanSlices(
                scan(),
                pageSize,
                s -> documents,
                s -> {
                  opened.add(s.window());
                  return cursor(docs, s.window(), pageSize);
                });
        assertThat(drain(sliced, pageSize)).isEqualTo(whole);
        assertThat(sliced.sliceCount()).isEqualTo(KeyScanSlices.slices(documents));
        assertThat(opened).isEqualTo(KeyScanSlices.cut(WINDOW, KeyScanSlices.slices(documents)));
      }
    }
    assertThat(whole).hasSizeGreaterThan(100);
  }

  @Test
  void slicesAreCutByDocumentsUpToTheMost() {
    assertThat(KeyScanSlices.slices(0)).isEqualTo(1);
    assertThat(KeyScanSlices.slices(KeyScanSlices.DOCUMENTS_PER_SLICE)).isEqualTo(1);
    assertThat(KeyScanSlices.slices(KeyScanSlices.DOCUMENTS_PER_SLICE + 1)).isEqualTo(2);
    assertThat(KeyScanSlices.slices(Long.MAX_VALUE / 2)).isEqualTo(KeyScanSlices.MAX_SLICES);
  }

  @Test
  void theSlicesCoverTheWindowWithoutGapsOrOverlaps() {
    List<TimeWindow> parts = KeyScanSlices.cut(WINDOW, 3);
    assertThat(parts)
        .containsExactly(
            new TimeWindow(T0, T0.plus(Duration.ofMinutes(20))),
            new TimeWindow(T0.plus(Duration.ofMinutes(20)), T0.plus(Duration.ofMinutes(40))),
            new TimeWindow(T0.plus(Duration.ofMinutes(40)), WINDOW.to()));
    TimeWindow tiny = new TimeWindow(T0, T0.plusNanos(2));
    assertThat(KeyScanSlices.cut(tiny, 4))
        .containsExactly(
            new TimeWindow(T0, T0.plusNanos(1)), new TimeWindow(T0.plusNanos(1), tiny.to()));
  }

  @Test
  void aClosedScanReadsNothingMore() {
    List<Doc> docs = documents(200, 7);
    KeyScanSlices sliced =
        new KeyScanSlices(scan(), 10, s -> 1_000_000, s -> cursor(docs, s.window(), 10));
    assertThat(sliced.next()).hasSize(10);
    sliced.close();
    assertThat(sliced.next()).isEmpty();
  }
}
