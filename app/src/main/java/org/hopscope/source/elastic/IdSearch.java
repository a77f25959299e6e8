package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpSerializable;
import co.elastic.clients.json.JsonpUtils;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.IdQuery;
import org.hopscope.source.SourceEvent;

/**
 * {@link org.hopscope.source.EventSource#find}: one {@code _msearch} for all queries (first page
 * each, exact totals), then, only for queries with more documents than the first page, point in
 * time + {@code search_after} pages up to the limit. Requests are built with the typed client's
 * query model; answers are streamed with Jackson ({@link HitReader}): the typed client's object
 * model for 100,000 hits cost more CPU than Elasticsearch took to find them.
 */
final class IdSearch {

  /** Documents per query in the first round trip. */
  static final int FIRST_PAGE = 1_000;

  /** Documents per point-in-time page ({@code index.max_result_window}). */
  static final int PIT_PAGE = 10_000;

  /** Most values in one {@code terms} query ({@code index.max_terms_count}). */
  static final int MAX_TERMS = 65_536;

  private final ElasticConnection connection;
  private final HitReader reader;
  private final PitPager pager;

  /**
   * @param slices runs the slices of a large query's point-in-time read beside the calling thread
   */
  IdSearch(ElasticConnection connection, Executor slices) {
    this.connection = connection;
    this.reader = new HitReader(connection.json());
    this.pager = new PitPager(connection, this, reader, slices);
  }

  /** One search of the {@code _msearch}: a query's chunk of at most {@link #MAX_TERMS} values. */
  record Part(int index, IdQuery idQuery, Query query, List<SortOptions> sort) {}

  /**
   * @param early receives the first pages before a query with more documents is paged through, or
   *     null
   */
  FindResult find(
      List<IdQuery> queries,
      TimeWindow window,
      int limit,
      Cancellation cancel,
      FirstPages.Listener early) {
    if (limit < 1) {
      throw new IllegalArgumentException("limitPerQuery must be at least 1, got " + limit);
    }
    List<Part> parts = plan(queries, window);
    if (parts.isEmpty()) {
      return new FindResult(List.of(), List.of());
    }
    int firstPage = Math.min(FIRST_PAGE, limit);
    String body = body(parts, firstPage);
    List<HitReader.Answer> answers =
        connection.call(
            "the search of " + describe(queries),
            () -> connection.postNdjson("/_msearch", body, reader::multi),
            IdSearch::overloaded,
            cancel);
    if (answers.size() != parts.size()) {
      throw WrongAnswer.of(
          connection.url(),
          "the search of " + describe(queries),
          "with " + answers.size() + " responses to " + parts.size() + " searches in one _msearch",
          "one response per search");
    }

    long[] totals = new long[queries.size()];
    List<List<HitReader.FoundHit>> hitsPerQuery = new ArrayList<>();
    queries.forEach(q -> hitsPerQuery.add(new ArrayList<>()));
    List<List<HitReader.FoundHit>> firstPages = new ArrayList<>();
    List<Integer> longer = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      HitReader.Answer item = answers.get(i);
      if (item.error() != null) {
        throw connection
            .errors()
            .answered(
                new ElasticErrors.Answer(
                    item.status(), text(item.error().get("type")), reasonOf(item.error())),
                "the search of "
                    + p.idQuery().source().index()
                    + " (hop "
                    + p.idQuery().hop()
                    + ")",
                null);
      }
      List<HitReader.FoundHit> found = item.hits();
      if (found == null) {
        throw WrongAnswer.of(
            connection.url(),
            "the search of " + p.idQuery().source().index() + " (hop " + p.idQuery().hop() + ")",
            "without hits",
            "hits: {total, hits: [...]} in each _msearch response");
      }
      long total = item.total() < 0 ? found.size() : item.total();
      totals[p.index()] += total;
      firstPages.add(found);
      if (total > found.size() && found.size() < limit) {
        longer.add(i);
      }
    }
    if (early != null && !longer.isEmpty()) {
      early.firstPages(firstPages(queries, parts, firstPages, longer, totals, limit));
    }
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      List<HitReader.FoundHit> found = firstPages.get(i);
      if (longer.contains(i)) {
        cancel.check();
        long total = answers.get(i).total();
        found = pager.all(p.idQuery().source().index(), p.query(), p.sort(), limit, total, cancel);
      }
      hitsPerQuery.get(p.index()).addAll(found);
    }
    return collect(queries, totals, hitsPerQuery, limit);
  }

  /** What {@code early} is handed: every part's first page, and the parts still to be read. */
  private static FirstPages firstPages(
      List<IdQuery> queries,
      List<Part> parts,
      List<List<HitReader.FoundHit>> pages,
      List<Integer> longer,
      long[] totals,
      int limit) {
    List<List<HitReader.FoundHit>> perQuery = new ArrayList<>();
    queries.forEach(q -> perQuery.add(new ArrayList<>()));
    for (int i = 0; i < parts.size(); i++) {
      perQuery.get(parts.get(i).index()).addAll(pages.get(i));
    }
    List<FirstPages.Pending> pending = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      int query = q;
      if (longer.stream().anyMatch(i -> parts.get(i).index() == query)) {
        IdQuery idQuery = queries.get(q);
        pending.add(
            new FirstPages.Pending(
                idQuery.hop(),
                idQuery.source().index(),
                perQuery.get(q).size(),
                Math.min(limit, totals[q])));
      }
    }
    // the first pages are no truncation: only the round's answer says what the limit cut
    return new FirstPages(
        collect(queries, new long[queries.size()], perQuery, limit).events(), pending);
  }

  /** The {@code _msearch} body: a header and a search per part (first page, exact totals). */
  private String body(List<Part> parts, int size) {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      out.append("{\"index\":")
          .append(quoted(p.idQuery().source().index()))
          .append(",\"ignore_unavailable\":true,\"allow_no_indices\":true}\n");
      out.append("{\"query\":")
          .append(json(p.query()))
          .append(",\"sort\":")
          .append(json(p.sort()))
          .append(",\"size\":")
          .append(size)
          .append(",\"track_total_hits\":true}\n");
    }
    return out.toString();
  }

  /** {@code value} as JSON, in the typed client's serialization. */
  String json(JsonpSerializable value) {
    return JsonpUtils.toJsonString(value, connection.client()._jsonpMapper());
  }

  /** {@code values} as a JSON array. */
  String json(List<? extends JsonpSerializable> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i > 0 ? "," : "").append(json(values.get(i)));
    }
    return out.append(']').toString();
  }

  String quoted(String text) {
    try {
      return connection.json().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a string as JSON", e);
    }
  }

  /** A stored document's identity. */
  private record DocKey(String index, String id) {}

  private static FindResult collect(
      List<IdQuery> queries,
      long[] totals,
      List<List<HitReader.FoundHit>> hitsPerQuery,
      int limit) {
    int most = hitsPerQuery.stream().mapToInt(List::size).sum();
    // sized for every hit at once: growing it step by step re-hashed 100,000 keys many times
    Map<DocKey, SourceEvent> events = new LinkedHashMap<>(Math.max(16, most * 4 / 3 + 1));
    List<Notice> truncated = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      IdQuery query = queries.get(q);
      List<HitReader.FoundHit> hits = hitsPerQuery.get(q);
      if (totals[q] > limit) {
        truncated.add(
            new Notice.EventsTruncated(query.hop(), totals[q], query.source().index(), limit));
        hits = hits.subList(0, Math.min(limit, hits.size()));
      }
      for (HitReader.FoundHit hit : hits) {
        events.putIfAbsent(
            new DocKey(hit.index(), hit.id()),
            new SourceEvent(query.hop(), query.source(), hit.index(), hit.id(), hit.source()));
      }
    }
    return new FindResult(new ArrayList<>(events.values()), truncated);
  }

  static List<Part> plan(List<IdQuery> queries, TimeWindow window) {
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

  private static boolean overloaded(List<HitReader.Answer> answers) {
    return answers.stream()
        .anyMatch(r -> r.error() != null && (r.status() == 429 || r.status() == 503));
  }

  private static String reasonOf(JsonNode error) {
    JsonNode root = error.path("root_cause").path(0).get("reason");
    if (root != null && root.isTextual()) {
      return root.textValue();
    }
    return text(error.get("reason"));
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String describe(List<IdQuery> queries) {
    return queries.stream().map(q -> q.source().index()).distinct().toList().toString();
  }
}
