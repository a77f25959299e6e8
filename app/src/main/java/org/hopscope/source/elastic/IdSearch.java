package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.MsearchRequest;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.FindResult;
import org.hopscope.source.IdQuery;
import org.hopscope.source.SourceEvent;

/**
 * {@link org.hopscope.source.EventSource#find}: one {@code _msearch} for all queries (first page
 * each, exact totals), then, only for queries with more documents than the first page, point in
 * time + {@code search_after} pages up to the limit.
 */
final class IdSearch {

  /** Documents per query in the first round trip. */
  static final int FIRST_PAGE = 1_000;

  /** Documents per point-in-time page ({@code index.max_result_window}). */
  static final int PIT_PAGE = 10_000;

  /** Most values in one {@code terms} query ({@code index.max_terms_count}). */
  static final int MAX_TERMS = 65_536;

  private final ElasticConnection connection;
  private final PitPager pager;

  IdSearch(ElasticConnection connection) {
    this.connection = connection;
    this.pager = new PitPager(connection);
  }

  /** One search of the {@code _msearch}: a query's chunk of at most {@link #MAX_TERMS} values. */
  private record Part(int index, IdQuery idQuery, Query query, List<SortOptions> sort) {}

  FindResult find(List<IdQuery> queries, TimeWindow window, int limit, Cancellation cancel) {
    if (limit < 1) {
      throw new IllegalArgumentException("limitPerQuery must be at least 1, got " + limit);
    }
    List<Part> parts = plan(queries, window);
    if (parts.isEmpty()) {
      return new FindResult(List.of(), List.of());
    }
    int firstPage = Math.min(FIRST_PAGE, limit);
    MsearchRequest request =
        MsearchRequest.of(
            m -> {
              for (Part p : parts) {
                m.searches(
                    s ->
                        s.header(
                                h ->
                                    h.index(p.idQuery().source().index())
                                        .ignoreUnavailable(true)
                                        .allowNoIndices(true))
                            .body(
                                b ->
                                    b.query(p.query())
                                        .sort(p.sort())
                                        .size(firstPage)
                                        .trackTotalHits(t -> t.enabled(true))));
              }
              return m;
            });
    MsearchResponse<Map> answer =
        connection.call(
            "the search of " + describe(queries),
            () -> connection.client().msearch(request, Map.class),
            IdSearch::overloaded,
            cancel);

    long[] totals = new long[queries.size()];
    List<List<Hit<Map>>> hitsPerQuery = new ArrayList<>();
    queries.forEach(q -> hitsPerQuery.add(new ArrayList<>()));
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      MultiSearchResponseItem<Map> item = answer.responses().get(i);
      if (item.isFailure()) {
        var error = item.failure().error();
        throw connection
            .errors()
            .answered(
                new ElasticErrors.Answer(item.failure().status(), error.type(), reasonOf(error)),
                "the search of "
                    + p.idQuery().source().index()
                    + " (hop "
                    + p.idQuery().hop()
                    + ")",
                null);
      }
      HitsMetadata<Map> hits = item.result().hits();
      long total = hits.total() == null ? hits.hits().size() : hits.total().value();
      totals[p.index()] += total;
      List<Hit<Map>> found = hits.hits();
      if (total > found.size() && found.size() < limit) {
        cancel.check();
        found = pager.all(p.idQuery().source().index(), p.query(), p.sort(), limit, cancel);
      }
      hitsPerQuery.get(p.index()).addAll(found);
    }
    return collect(queries, totals, hitsPerQuery, limit);
  }

  private static FindResult collect(
      List<IdQuery> queries, long[] totals, List<List<Hit<Map>>> hitsPerQuery, int limit) {
    Map<String, SourceEvent> events = new LinkedHashMap<>();
    List<String> truncated = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      IdQuery query = queries.get(q);
      List<Hit<Map>> hits = hitsPerQuery.get(q);
      if (totals[q] > limit) {
        truncated.add(
            String.format(
                Locale.ROOT,
                "%s: %,d events in %s, showing the first %,d",
                query.hop(),
                totals[q],
                query.source().index(),
                limit));
        hits = hits.subList(0, Math.min(limit, hits.size()));
      }
      for (Hit<Map> hit : hits) {
        @SuppressWarnings("unchecked")
        Map<String, Object> document = hit.source() == null ? Map.of() : hit.source();
        events.putIfAbsent(
            hit.index() + "\u0000" + hit.id(),
            new SourceEvent(query.hop(), query.source(), hit.index(), hit.id(), document));
      }
    }
    return new FindResult(new ArrayList<>(events.values()), truncated);
  }

  private static List<Part> plan(List<IdQuery> queries, TimeWindow window) {
    List<Part> parts = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      IdQuery query = queries.get(q);
      FieldMap fields = query.source().fields();
      List<String> values = query.values().stream().sorted().toList();
      List<SortOptions> sort =
          List.of(
              ConditionQueries.byTime(fields.timestamp(), fields.timestampFormat()),
              SortOptions.of(s -> s.doc(d -> d)));
      for (int from = 0; from < values.size(); from += MAX_TERMS) {
        List<String> chunk = values.subList(from, Math.min(values.size(), from + MAX_TERMS));
        List<Query> filters = new ArrayList<>();
        filters.add(ConditionQueries.anyValue(query.field(), chunk));
        if (window != null) {
          filters.add(
              ConditionQueries.window(fields.timestamp(), fields.timestampFormat(), window));
        }
        List<Query> excluded = new ArrayList<>();
        if (!query.excludingMessageIds().isEmpty()
            && query.excludingMessageIds().size() <= MAX_TERMS) {
          List<String> known = query.excludingMessageIds().stream().sorted().toList();
          for (FieldPath id : fields.messageIds()) {
            excluded.add(ConditionQueries.anyValue(id, known));
          }
        }
        Query bool = Query.of(b -> b.bool(f -> f.filter(filters).mustNot(excluded)));
        parts.add(new Part(q, query, bool, sort));
      }
    }
    return parts;
  }

  private static boolean overloaded(MsearchResponse<Map> answer) {
    return answer.responses().stream()
        .anyMatch(
            r -> r.isFailure() && (r.failure().status() == 429 || r.failure().status() == 503));
  }

  private static String reasonOf(co.elastic.clients.elasticsearch._types.ErrorCause error) {
    if (!error.rootCause().isEmpty() && error.rootCause().get(0).reason() != null) {
      return error.rootCause().get(0).reason();
    }
    return error.reason();
  }

  private static String describe(List<IdQuery> queries) {
    return queries.stream().map(q -> q.source().index()).distinct().toList().toString();
  }
}
