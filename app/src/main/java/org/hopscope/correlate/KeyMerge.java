package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hopscope.model.Utf8Order;
import org.hopscope.source.EventSource.KeyCursor;
import org.hopscope.source.EventSource.ValuesCursor;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyValues;

/**
 * Merge-joins key-ordered scan cursors: yields each distinct key once with the bucket every key
 * scan has for it and the values every values scan lists for it. Holds one page per stream and
 * fetches at most one more ahead (on the prefetch executor, so the scans' round trips overlap), so
 * memory is flat whatever the window. Keys must ascend in UTF-8 byte order within each stream
 * (checked: a backend sorting differently would silently break the join).
 */
final class KeyMerge implements AutoCloseable {

  /**
   * One key and per key scan its bucket, per values scan its values, or null where a stream lacks
   * the key.
   */
  record Group(String key, KeyBucket[] buckets, KeyValues[] values) {

    Group(String key, KeyBucket[] buckets) {
      this(key, buckets, new KeyValues[0]);
    }
  }

  private final List<Stream<KeyBucket>> streams = new ArrayList<>();
  private final List<Stream<KeyValues>> valueStreams = new ArrayList<>();

  /**
   * @param cursors open cursors (closed by {@link #close})
   * @param names one per cursor, for error messages
   * @param prefetch runs the page fetches ({@code Runnable::run}: on the caller's thread)
   */
  KeyMerge(List<KeyCursor> cursors, List<String> names, Executor prefetch) {
    this(cursors, names, List.of(), List.of(), prefetch);
  }

  /**
   * @param cursors open key cursors (closed by {@link #close})
   * @param names one per key cursor, for error messages
   * @param valueCursors open values cursors (closed by {@link #close})
   * @param valueNames one per values cursor
   * @param prefetch runs the page fetches ({@code Runnable::run}: on the caller's thread)
   */
  KeyMerge(
      List<KeyCursor> cursors,
      List<String> names,
      List<ValuesCursor> valueCursors,
      List<String> valueNames,
      Executor prefetch) {
    for (int i = 0; i < cursors.size(); i++) {
      KeyCursor c = cursors.get(i);
      streams.add(new Stream<>(c::next, c::close, KeyBucket::key, names.get(i), prefetch));
    }
    for (int i = 0; i < valueCursors.size(); i++) {
      ValuesCursor c = valueCursors.get(i);
      valueStreams.add(
          new Stream<>(c::next, c::close, KeyValues::key, valueNames.get(i), prefetch));
    }
  }

  /** The next key group, or null when every stream is done. */
  Group next() {
    String min = min(valueStreams, min(streams, null));
    if (min == null) {
      return null;
    }
    KeyBucket[] buckets = new KeyBucket[streams.size()];
    for (int i = 0; i < streams.size(); i++) {
      buckets[i] = streams.get(i).take(min);
    }
    KeyValues[] values = new KeyValues[valueStreams.size()];
    for (int i = 0; i < valueStreams.size(); i++) {
      values[i] = valueStreams.get(i).take(min);
    }
    return new Group(min, buckets, values);
  }

  /**
   * The least of the streams' current keys and {@code min}. Most streams' keys equal the least (a
   * message's key is in most hops' scans), and an order comparison of equal keys reads them whole,
   * so the equal ones are told apart first with {@link String#equals} (11 % of a window bench's
   * client samples were {@code Utf8Order.compare} here).
   */
  private static <T> String min(List<Stream<T>> streams, String min) {
    for (Stream<T> s : streams) {
      String key = s.peekKey();
      if (key != null
          && (min == null || !key.equals(min) && Utf8Order.INSTANCE.compare(key, min) < 0)) {
        min = key;
      }
    }
    return min;
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    List<Stream<?>> all = new ArrayList<>(streams);
    all.addAll(valueStreams);
    for (Stream<?> s : all) {
      try {
        s.close();
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

  private static final class Stream<T> {
    final Supplier<List<T>> nextPage;
    final Runnable closer;
    final Function<T, String> keyOf;
    final String name;
    final Executor prefetch;
    List<T> page = List.of();
    CompletableFuture<List<T>> ahead;
    int pos;
    boolean done;
    String last;

    Stream(
        Supplier<List<T>> nextPage,
        Runnable closer,
        Function<T, String> keyOf,
        String name,
        Executor prefetch) {
      this.nextPage = nextPage;
      this.closer = closer;
      this.keyOf = keyOf;
      this.name = name;
      this.prefetch = prefetch;
      this.ahead = fetch();
    }

    private CompletableFuture<List<T>> fetch() {
      return CompletableFuture.supplyAsync(nextPage, prefetch);
    }

    String peekKey() {
      while (!done && pos == page.size()) {
        page = await(ahead);
        pos = 0;
        done = page.isEmpty();
        ahead = done ? null : fetch();
      }
      return done ? null : keyOf.apply(page.get(pos));
    }

    /** The current item if its key is {@code key} (then advancing past it), else null. */
    T take(String key) {
      String k = peekKey();
      if (k == null || !k.equals(key)) {
        return null;
      }
      T item = page.get(pos);
      if (last != null && Utf8Order.INSTANCE.compare(last, k) >= 0) {
        throw new IllegalStateException(
            "the scan of %s returned key '%s' after '%s': keys must ascend in UTF-8 byte order"
                .formatted(name, k, last));
      }
      last = k;
      pos++;
      return item;
    }

    private static <T> List<T> await(CompletableFuture<List<T>> f) {
      try {
        return f.join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    }

    /** Waits for a fetch still in flight (its failure no longer matters), then closes. */
    void close() {
      if (ahead != null) {
        ahead.handle((page, failure) -> null).join();
      }
      closer.run();
    }
  }
}
