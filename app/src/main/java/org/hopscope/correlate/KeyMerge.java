package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.hopscope.source.EventSource.KeyCursor;
import org.hopscope.source.KeyBucket;

/**
 * Merge-joins key-ordered scan cursors: yields each distinct key once with the bucket every stream
 * has for it. Holds one page per stream and fetches at most one more ahead (on the prefetch
 * executor, so the scans' round trips overlap), so memory is flat whatever the window. Keys must
 * ascend in UTF-8 byte order within each stream (checked: a backend sorting differently would
 * silently break the join).
 */
final class KeyMerge implements AutoCloseable {

  /** One key and per stream its bucket, or null where the stream lacks it. */
  record Group(String key, KeyBucket[] buckets) {}

  private final List<Stream> streams = new ArrayList<>();

  /**
   * @param cursors open cursors (closed by {@link #close})
   * @param names one per cursor, for error messages
   * @param prefetch runs the page fetches ({@code Runnable::run}: on the caller's thread)
   */
  KeyMerge(List<KeyCursor> cursors, List<String> names, Executor prefetch) {
    for (int i = 0; i < cursors.size(); i++) {
      streams.add(new Stream(cursors.get(i), names.get(i), prefetch));
    }
  }

  /** The next key group, or null when every stream is done. */
  Group next() {
    String min = null;
    for (Stream s : streams) {
      KeyBucket b = s.peek();
      if (b != null && (min == null || Utf8Order.INSTANCE.compare(b.key(), min) < 0)) {
        min = b.key();
      }
    }
    if (min == null) {
      return null;
    }
    KeyBucket[] buckets = new KeyBucket[streams.size()];
    for (int i = 0; i < streams.size(); i++) {
      Stream s = streams.get(i);
      KeyBucket b = s.peek();
      if (b != null && b.key().equals(min)) {
        buckets[i] = b;
        s.advance();
      }
    }
    return new Group(min, buckets);
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (Stream s : streams) {
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

  private static final class Stream {
    final KeyCursor cursor;
    final String name;
    final Executor prefetch;
    List<KeyBucket> page = List.of();
    CompletableFuture<List<KeyBucket>> ahead;
    int pos;
    boolean done;
    String last;

    Stream(KeyCursor cursor, String name, Executor prefetch) {
      this.cursor = cursor;
      this.name = name;
      this.prefetch = prefetch;
      this.ahead = fetch();
    }

    private CompletableFuture<List<KeyBucket>> fetch() {
      return CompletableFuture.supplyAsync(cursor::next, prefetch);
    }

    KeyBucket peek() {
      while (!done && pos == page.size()) {
        page = await(ahead);
        pos = 0;
        done = page.isEmpty();
        ahead = done ? null : fetch();
      }
      return done ? null : page.get(pos);
    }

    private static List<KeyBucket> await(CompletableFuture<List<KeyBucket>> f) {
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
      cursor.close();
    }

    void advance() {
      String key = page.get(pos).key();
      if (last != null && Utf8Order.INSTANCE.compare(last, key) >= 0) {
        throw new IllegalStateException(
            "the scan of %s returned key '%s' after '%s': keys must ascend in UTF-8 byte order"
                .formatted(name, key, last));
      }
      last = key;
      pos++;
    }
  }
}
