package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.List;
import org.hopscope.source.EventSource.KeyCursor;
import org.hopscope.source.KeyBucket;

/**
 * Merge-joins key-ordered scan cursors: yields each distinct key once with the bucket every stream
 * has for it. Holds one page per stream, so memory is flat whatever the window. Keys must ascend in
 * UTF-8 byte order within each stream (checked: a backend sorting differently would silently break
 * the join).
 */
final class KeyMerge implements AutoCloseable {

  /** One key and per stream its bucket, or null where the stream lacks it. */
  record Group(String key, KeyBucket[] buckets) {}

  private final List<Stream> streams = new ArrayList<>();

  /**
   * @param cursors open cursors (closed by {@link #close})
   * @param names one per cursor, for error messages
   */
  KeyMerge(List<KeyCursor> cursors, List<String> names) {
    for (int i = 0; i < cursors.size(); i++) {
      streams.add(new Stream(cursors.get(i), names.get(i)));
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

  private static final class Stream {
    final KeyCursor cursor;
    final String name;
    List<KeyBucket> page = List.of();
    int pos;
    boolean done;
    String last;

    Stream(KeyCursor cursor, String name) {
      this.cursor = cursor;
      this.name = name;
    }

    KeyBucket peek() {
      while (!done && pos == page.size()) {
        page = cursor.next();
        pos = 0;
        done = page.isEmpty();
      }
      return done ? null : page.get(pos);
    }

    void advance() {
      String key = page.get(pos).key();
      if (last != null && Utf8Order.INSTANCE.compare(last, key) >= 0) {
        throw new IllegalStateException(
            "the scan of "
                + name
                + " returned key '"
                + key
                + "' after '"
                + last
                + "': keys must ascend in UTF-8 byte order");
      }
      last = key;
      pos++;
    }
  }
}
