package org.hopscope.source;

import java.util.List;

/**
 * What one {@link EventSource#find} round had read when it began to page through a query with more
 * matching documents than its first page: every query's first page, and what is still to be read. A
 * search hands it on before the long read so that a first answer can be shown while the rest
 * arrives; the round's {@link FindResult} still holds everything.
 *
 * @param events the first pages' documents, de-duplicated by index and ID
 * @param pending the queries whose documents are still being read, in query order; never empty
 */
public record FirstPages(List<SourceEvent> events, List<Pending> pending) {

  public FirstPages {
    events = List.copyOf(events);
    pending = List.copyOf(pending);
    if (pending.isEmpty()) {
      throw new IllegalArgumentException("first pages are handed on only while a read is pending");
    }
  }

  /**
   * A query still being read.
   *
   * @param hop the hop it asks
   * @param index the index pattern it reads
   * @param read its documents among {@link #events()}
   * @param matched how many documents it matched (exact), up to the search's limit
   */
  public record Pending(String hop, String index, long read, long matched) {}

  /** Receives a round's first pages on the searching thread, before the long read begins. */
  @FunctionalInterface
  public interface Listener {
    void firstPages(FirstPages pages);
  }
}
