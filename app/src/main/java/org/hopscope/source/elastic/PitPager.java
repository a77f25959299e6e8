package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;

/**
 * Reads all documents of one query, in sort order, up to a limit: a point in time on the index
 * pattern and {@code search_after} pages of up to 10,000 (never {@code from}/{@code size} past the
 * result window), ties broken as the engine allows ({@link SearchDialect}). A query known to hold
 * many documents (all within the limit) is read in up to {@link #MAX_SLICES} slices of the point in
 * time at once, merged back into one sort order: the cluster works on the slices in parallel while
 * the client reads the pages it has. The point in time is closed at the end.
 */
final class PitPager {

  /** Most slices one query is read in. */
  static final int MAX_SLICES = 2;

  /** Documents per slice from which a query is read in slices. */
  static final int SLICE_DOCUMENTS = 20_000;

  private final ElasticConnection connection;
  private final IdSearch search;
  private final HitReader reader;
  private final Executor slices;

  PitPager(ElasticConnection connection, IdSearch search, HitReader reader, Executor slices) {
    this.connection = connection;
    this.search = search;
    this.reader = reader;
    this.slices = slices;
  }

  /**
   * The first {@code limit} documents of {@code index} matching {@code query}, ordered by {@code
   * sort} then the engine's tiebreaker ({@link SearchDialect#tiebreaker}).
   *
   * @param expected how many documents the query matched a moment ago (decides the slices)
   */
  List<HitReader.FoundHit> all(
      String index,
      Query query,
      List<SortOptions> sort,
      int limit,
      long expected,
      Cancellation cancel) {
    SearchDialect dialect = connection.identity(cancel).dialect();
    AtomicReference<String> pit = new AtomicReference<>(open(connection, dialect, index, cancel));
    String prefix = prefix(search, dialect, query, sort);
    int count =
        expected > limit ? 1 : (int) Math.min(MAX_SLICES, Math.max(1, expected / SLICE_DOCUMENTS));
    try {
      if (count == 1) {
        return slice(index, prefix, -1, 0, pit, limit, cancel);
      }
      return sliced(index, prefix, count, pit, limit, cancel);
    } finally {
      close(dialect, pit.get());
    }
  }

  private List<HitReader.FoundHit> sliced(
      String index,
      String prefix,
      int count,
      AtomicReference<String> pit,
      int limit,
      Cancellation cancel) {
    Cancellation all = cancel.sharingSilences();
    List<CompletableFuture<List<HitReader.FoundHit>>> parts = new ArrayList<>();
    try (Cancellation.Registration r = cancel.onCancel(all::cancel)) {
      for (int i = 1; i < count; i++) {
        int id = i;
        parts.add(
            CompletableFuture.supplyAsync(
                () -> slice(index, prefix, id, count, pit, limit, all), slices));
      }
      List<List<HitReader.FoundHit>> read = new ArrayList<>();
      try {
        read.add(slice(index, prefix, 0, count, pit, limit, all));
        for (CompletableFuture<List<HitReader.FoundHit>> part : parts) {
          read.add(part.join());
        }
      } catch (RuntimeException e) {
        all.cancel();
        parts.forEach(p -> p.cancel(true));
        cancel.check();
        throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause
            ? cause
            : e;
      }
      return SortValues.merge(read, limit);
    }
  }

  /** One slice ({@code id} -1: no slicing) read page by page up to {@code limit}. */
  private List<HitReader.FoundHit> slice(
      String index,
      String prefix,
      int id,
      int count,
      AtomicReference<String> pit,
      int limit,
      Cancellation cancel) {
    String what = "a page of the search of " + index;
    String sliceJson = id < 0 ? "" : ",\"slice\":{\"id\":" + id + ",\"max\":" + count + "}";
    List<HitReader.FoundHit> out = new ArrayList<>();
    JsonNode after = null;
    while (out.size() < limit) {
      cancel.check();
      int size = Math.min(IdSearch.PIT_PAGE, limit - out.size());
      String body = page(search, prefix + sliceJson, pit.get(), size, after);
      var entity =
          connection.call(
              what, () -> connection.postBuffered("/_search", body), r -> false, cancel);
      HitReader.Answer page = connection.read(entity, reader::search, what);
      List<HitReader.FoundHit> hits = page.hits();
      if (hits == null) {
        throw WrongAnswer.of(connection.url(), what, "without hits", "hits: {hits: [...]}");
      }
      out.addAll(hits);
      if (page.pitId() != null) {
        pit.set(page.pitId());
      }
      if (hits.size() < size) {
        break;
      }
      after = hits.get(hits.size() - 1).sort();
      if (after == null || !after.isArray()) {
        // without sort values the next page would start over: never loop or repeat documents
        throw WrongAnswer.of(
            connection.url(),
            what,
            "with a last hit without sort values",
            "each hit's sort values (for search_after)");
      }
    }
    return out;
  }

  /**
   * Opens a point in time on {@code index}; its id.
   *
   * @throws SourceException when it failed, or the answer holds no id
   */
  static String open(
      ElasticConnection connection, SearchDialect dialect, String index, Cancellation cancel) {
    String what = "opening a point in time on " + index;
    JsonNode answer =
        connection.call(
            what,
            () ->
                connection.post(
                    dialect.openEndpoint(IndexProbe.encoded(index)),
                    null,
                    connection.json()::readTree),
            r -> false,
            cancel);
    String id = dialect.pitId(answer);
    if (id == null) {
      throw WrongAnswer.of(
          connection.url(),
          what,
          "without its id (" + WrongAnswer.shown(answer) + ")",
          dialect == SearchDialect.OPENSEARCH ? "{\"pit_id\": ...}" : "{\"id\": ...}");
    }
    return id;
  }

  /**
   * A search body's start: the query in {@code sort} order, its final _doc replaced by the engine's
   * tiebreaker within a point in time.
   */
  static String prefix(
      IdSearch search, SearchDialect dialect, Query query, List<SortOptions> sort) {
    // the caller's sort ends with _doc, unique only per shard
    List<SortOptions> order = new ArrayList<>(sort.subList(0, sort.size() - 1));
    order.addAll(dialect.tiebreaker());
    return "{\"query\":"
        + search.json(query)
        + ",\"sort\":"
        + search.json(order)
        + dialect.pageTracking();
  }

  /** The body of one page of {@code size} documents after {@code after} (null: the first). */
  static String page(IdSearch search, String prefix, String pit, int size, JsonNode after) {
    return prefix
        + ",\"pit\":{\"id\":"
        + search.quoted(pit)
        + ",\"keep_alive\":\""
        + SearchDialect.KEEP_ALIVE
        + "\"},\"size\":"
        + size
        + (after == null ? "" : ",\"search_after\":" + after)
        + "}";
  }

  /** Closes the point in time {@code pit}; the answer is read, its content not needed. */
  static CompletableFuture<Boolean> close(
      ElasticConnection connection, SearchDialect dialect, String pit) {
    String body = dialect.closeBody(new TextNode(pit).toString());
    return connection.delete(dialect.closeEndpoint(), body, in -> true);
  }

  /**
   * Closes the point in time without waiting for the answer: the documents are read, and one that
   * is not closed expires by itself after its keep-alive (1 min).
   */
  private void close(SearchDialect dialect, String pit) {
    try {
      close(connection, dialect, pit);
    } catch (RuntimeException e) {
      // as above: nothing is lost when it cannot be closed now
    }
  }
}
