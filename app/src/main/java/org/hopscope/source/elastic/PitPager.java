package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.OpenPointInTimeResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;

/**
 * Reads all documents of one query, in sort order, up to a limit: a point in time on the index
 * pattern and {@code search_after} pages of up to 10,000 (never {@code from}/{@code size} past the
 * result window). The point in time is closed at the end.
 */
final class PitPager {

  private static final Time KEEP_ALIVE = Time.of(t -> t.time("1m"));

  private final ElasticConnection connection;

  PitPager(ElasticConnection connection) {
    this.connection = connection;
  }

  /**
   * The first {@code limit} documents of {@code index} matching {@code query}, ordered by {@code
   * sort} then {@code _shard_doc}.
   */
  List<Hit<Map>> all(
      String index, Query query, List<SortOptions> sort, int limit, Cancellation cancel) {
    OpenPointInTimeResponse opened =
        connection.call(
            "opening a point in time on " + index,
            () ->
                connection
                    .client()
                    .openPointInTime(
                        o -> o.index(index).keepAlive(KEEP_ALIVE).ignoreUnavailable(true)),
            r -> false,
            cancel);
    String pit = opened.id();
    List<SortOptions> order = new ArrayList<>();
    // the caller's sort ends with _doc, which a point in time replaces by _shard_doc
    order.addAll(sort.subList(0, sort.size() - 1));
    order.add(SortOptions.of(s -> s.field(f -> f.field("_shard_doc"))));
    List<Hit<Map>> out = new ArrayList<>();
    try {
      List<FieldValue> after = null;
      while (out.size() < limit) {
        cancel.check();
        String pitNow = pit;
        List<FieldValue> afterNow = after;
        int size = Math.min(IdSearch.PIT_PAGE, limit - out.size());
        SearchResponse<Map> page =
            connection.call(
                "a page of the search of " + index,
                () ->
                    connection
                        .client()
                        .search(
                            s -> {
                              s.pit(p -> p.id(pitNow).keepAlive(KEEP_ALIVE))
                                  .query(query)
                                  .sort(order)
                                  .size(size)
                                  .trackTotalHits(t -> t.enabled(false));
                              if (afterNow != null) {
                                s.searchAfter(afterNow);
                              }
                              return s;
                            },
                            Map.class),
                r -> false,
                cancel);
        List<Hit<Map>> hits = page.hits().hits();
        out.addAll(hits);
        if (page.pitId() != null) {
          pit = page.pitId();
        }
        if (hits.size() < size) {
          break;
        }
        after = hits.get(hits.size() - 1).sort();
      }
    } finally {
      close(pit);
    }
    return out;
  }

  private void close(String pit) {
    try {
      connection.call(
          "closing a point in time",
          () -> connection.client().closePointInTime(c -> c.id(pit)),
          r -> false,
          Cancellation.none());
    } catch (SourceException e) {
      // the point in time expires by itself after its keep-alive (1 min); nothing is lost
    }
  }
}
