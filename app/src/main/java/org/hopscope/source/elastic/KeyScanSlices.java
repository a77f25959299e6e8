package org.hopscope.source.elastic;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.Utf8Order;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;

/**
 * A {@link KeyScan} read as consecutive time slices of its window, one composite cursor each,
 * merged back by key: a key seen in several slices becomes one bucket (first and last time, counts
 * summed, the last failure), exactly the bucket one scan of the whole window gives.
 *
 * <p>Why: a composite aggregation (no index sort) visits every document of its query for every
 * page, so one scan costs about documents x pages, which grows with the square of the window. Cut
 * into {@code n} slices it costs about {@code 1/n} of that: each slice has {@code 1/n} of the
 * documents and of the pages. The price is memory: one page per slice (at most {@link
 * #MAX_SLICES}), still independent of the window's size. A window of few documents stays one scan
 * ({@link #slices}, from a count of the window's documents asked at the first page).
 */
final class KeyScanSlices implements EventSource.KeyCursor {

  /** At most this many slices (pages held at once per scan). */
  static final int MAX_SLICES = 4;

  /** A slice should hold at least this many documents (below, a page's visit costs little). */
  static final long DOCUMENTS_PER_SLICE = 150_000;

  private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KeyScan scan;
  private final int pageSize;
  private final ToLongFunction<KeyScan> documents;
  private final Function<KeyScan, EventSource.KeyCursor> open;
  private final List<Slice> slices = new ArrayList<>();
  private boolean opened;
  private boolean closed;

  /**
   * @param documents counts the documents of a scan's window (asked once, at the first page)
   * @param open opens the cursor of one slice's scan
   */
  KeyScanSlices(
      KeyScan scan,
      int pageSize,
      ToLongFunction<KeyScan> documents,
      Function<KeyScan, EventSource.KeyCursor> open) {
    this.scan = scan;
    this.pageSize = pageSize;
    this.documents = documents;
    this.open = open;
  }

  /** A scan of {@code connection}, cut by its window's document count. */
  static KeyScanSlices of(
      ElasticConnection connection, KeyScan scan, int pageSize, Cancellation cancel) {
    if (pageSize < 1 || pageSize > KeyScanCursor.MAX_PAGE) {
      throw new IllegalArgumentException("pageSize must be 1..10000, got " + pageSize);
    }
    return new KeyScanSlices(
        scan,
        pageSize,
        s -> documents(connection, s, cancel),
        s -> new KeyScanCursor(connection, s, pageSize, cancel));
  }

  /** The documents a scan reads: one search with {@code size: 0} and the exact hit total. */
  static long documents(ElasticConnection connection, KeyScan scan, Cancellation cancel) {
    String body = JsonpUtils.toJsonString(KeyFigures.count(scan), MAPPER);
    String what = "the count of documents in " + scan.indices();
    JsonNode answer =
        connection.call(
            what,
            () -> connection.post(KeyScanCursor.endpoint(scan.indices()), body, JSON::readTree),
            r -> false,
            cancel);
    JsonNode total = answer.path("hits").path("total").path("value");
    if (!total.isIntegralNumber()) {
      throw WrongAnswer.of(
          connection.url(),
          what,
          "without a hit total (hits.total.value: " + WrongAnswer.shown(total) + ")",
          "the exact number of documents (track_total_hits)");
    }
    return total.asLong();
  }

  /** How many slices this scan was cut into (0 before the first page). */
  int sliceCount() {
    return slices.size();
  }

  private void openSlices() {
    opened = true;
    int n = slices(documents.applyAsLong(scan));
    for (TimeWindow w : cut(scan.window(), n)) {
      slices.add(
          new Slice(
              open.apply(
                  new KeyScan(
                      scan.indices(),
                      scan.key(),
                      scan.timestamp(),
                      scan.timestampFormat(),
                      w,
                      scan.failure(),
                      scan.deadLetter(),
                      scan.mark()))));
    }
  }

  /** How many slices a scan of {@code documents} documents takes. */
  static int slices(long documents) {
    long n = (documents + DOCUMENTS_PER_SLICE - 1) / DOCUMENTS_PER_SLICE;
    return (int) Math.max(1, Math.min(MAX_SLICES, n));
  }

  /** {@code window} cut into {@code n} consecutive half-open windows of (nearly) equal length. */
  static List<TimeWindow> cut(TimeWindow window, int n) {
    Duration length = window.length();
    List<TimeWindow> parts = new ArrayList<>(n);
    Instant from = window.from();
    for (int i = 1; i <= n; i++) {
      Instant to = i == n ? window.to() : window.from().plus(length.multipliedBy(i).dividedBy(n));
      if (to.isAfter(from)) {
        parts.add(new TimeWindow(from, to));
        from = to;
      }
    }
    return parts;
  }

  @Override
  public synchronized List<KeyBucket> next() {
    if (closed) {
      return List.of();
    }
    if (!opened) {
      openSlices();
    }
    List<KeyBucket> page = new ArrayList<>(Math.min(pageSize, 1024));
    while (page.size() < pageSize) {
      String min = null;
      for (Slice s : slices) {
        String k = s.peekKey();
        if (k != null && (min == null || Utf8Order.INSTANCE.compare(k, min) < 0)) {
          min = k;
        }
      }
      if (min == null) {
        break;
      }
      KeyBucket merged = null;
      for (Slice s : slices) {
        KeyBucket b = s.take(min);
        merged = b == null ? merged : merged == null ? b : combine(merged, b);
      }
      page.add(merged);
    }
    return page;
  }

  /** One key's buckets of two slices as one. */
  static KeyBucket combine(KeyBucket a, KeyBucket b) {
    return new KeyBucket(
        a.key(),
        earlier(a.first(), b.first()),
        later(a.last(), b.last()),
        a.documents() + b.documents(),
        a.failures() + b.failures(),
        a.deadLetters() + b.deadLetters(),
        later(a.lastFailure(), b.lastFailure()),
        a.terminalFailures() + b.terminalFailures(),
        a.marked() + b.marked());
  }

  private static Instant earlier(Instant a, Instant b) {
    return a == null || (b != null && b.isBefore(a)) ? b : a;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || (b != null && b.isAfter(a)) ? b : a;
  }

  @Override
  public synchronized void close() {
    closed = true;
    RuntimeException failure = null;
    for (Slice s : slices) {
      try {
        s.cursor.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** One slice's cursor and its current page. */
  private static final class Slice {
    final EventSource.KeyCursor cursor;
    List<KeyBucket> page = List.of();
    int pos;
    boolean done;

    Slice(EventSource.KeyCursor cursor) {
      this.cursor = cursor;
    }

    String peekKey() {
      while (!done && pos == page.size()) {
        page = cursor.next();
        pos = 0;
        done = page.isEmpty();
      }
      return done ? null : page.get(pos).key();
    }

    KeyBucket take(String key) {
      String k = peekKey();
      if (k == null || !k.equals(key)) {
        return null;
      }
      return page.get(pos++);
    }
  }
}
