package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hopscope.source.Cancellation;
import org.hopscope.source.DistinctCount;
import org.hopscope.source.SourceException;
import org.hopscope.source.UnreadableIndexException;

/**
 * A {@link DistinctCount} as one {@code _search} with {@code size: 0}: a {@code filters}
 * aggregation, one bucket per set (its slices OR-ed; a slice of some of the searched patterns
 * matched by {@code wildcard} queries on {@code _index}), each with a {@code cardinality} of the
 * key (precision threshold 40,000, the most both Elasticsearch and OpenSearch allow): one key field
 * per request (several together would take a script, which a cluster may not run). Same request on
 * Elasticsearch and OpenSearch (ADR 0031: {@code cardinality} does not differ). A pattern that
 * matches no index (404) or may not be read (403) fails with {@link UnreadableIndexException},
 * never counts 0.
 */
final class ElasticDistinct {

  /**
   * HyperLogLog++ as both backends implement it: with the threshold at 40,000 the sketch has 2^18
   * registers, so its relative standard error is 1.04 / sqrt(2^18), about 0.2 %; below the
   * threshold the values' hashes are kept in a set (exact up to hash collisions).
   */
  static final double RELATIVE_ERROR = 1.04 / Math.sqrt(1 << 18);

  private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElasticDistinct() {}

  static Map<String, DistinctCount.Distinct> count(
      ElasticConnection connection, DistinctCount query, Cancellation cancel) {
    String body = JsonpUtils.toJsonString(request(query), MAPPER);
    String endpoint =
        "/"
            + query.indices().stream()
                .map(i -> URLEncoder.encode(i, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","))
            + "/_search?ignore_unavailable=false&allow_no_indices=false";
    String what = "the distinct counts in " + query.indices();
    JsonNode answer;
    try {
      answer =
          connection.call(
              what, () -> connection.post(endpoint, body, JSON::readTree), r -> false, cancel);
    } catch (SourceException e) {
      throw ElasticCount.unreadable(e, query.indices());
    }
    boolean nested = query.keys().size() == 1 && query.keys().get(0).keyed();
    Map<String, DistinctCount.Distinct> out = new LinkedHashMap<>();
    JsonNode buckets = answer.path("aggregations").path("sets").path("buckets");
    for (DistinctCount.Part set : query.sets()) {
      JsonNode b = buckets.path(set.name());
      JsonNode agg = b.path("distinct");
      if (nested) {
        agg = agg.path("element").path("distinct");
      }
      JsonNode docs = b.path("doc_count");
      JsonNode value = agg.path("value");
      if (!docs.isIntegralNumber() || !value.isIntegralNumber()) {
        throw WrongAnswer.of(
            connection.url(),
            what,
            "without the bucket "
                + set.name()
                + " and its distinct count ("
                + WrongAnswer.shown(b)
                + ")",
            "a document count and a cardinality per set");
      }
      out.put(
          set.name(),
          new DistinctCount.Distinct(
              docs.asLong(), value.asLong(), ElasticCount.PRECISION_THRESHOLD, RELATIVE_ERROR));
    }
    return out;
  }

  /** The search (package-visible for the query's unit test). */
  static SearchRequest request(DistinctCount query) {
    Map<String, Query> filters = new LinkedHashMap<>();
    List<Query> any = new ArrayList<>();
    for (DistinctCount.Part set : query.sets()) {
      List<Query> slices = new ArrayList<>();
      for (DistinctCount.Slice slice : set.anyOf()) {
        slices.add(slice(query, slice));
      }
      Query q = slices.size() == 1 ? slices.get(0) : or(slices);
      filters.put(set.name(), q);
      any.add(q);
    }
    Aggregation sets =
        Aggregation.of(
            a ->
                a.filters(f -> f.filters(k -> k.keyed(filters)))
                    .aggregations("distinct", key(query)));
    return SearchRequest.of(
        s ->
            s.index(query.indices())
                .ignoreUnavailable(false)
                .allowNoIndices(false)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(or(any))
                .aggregations("sets", sets));
  }

  private static Aggregation key(DistinctCount query) {
    if (query.keys().size() != 1) {
      // counting several fields together takes a script, which a cluster may not run
      throw new UnsupportedOperationException(
          "distinct values of several ID fields together " + query.keys());
    }
    return ElasticCount.distinctOf(query.keys().get(0));
  }

  private static Query slice(DistinctCount query, DistinctCount.Slice slice) {
    List<Query> must = new ArrayList<>();
    if (!slice.indices().isEmpty()
        && !java.util.Set.copyOf(slice.indices()).containsAll(query.indices())) {
      List<Query> names = new ArrayList<>();
      for (String pattern : slice.indices()) {
        for (String one : pattern.split(",")) {
          String p = one.trim();
          names.add(Query.of(q -> q.wildcard(w -> w.field("_index").value(p))));
        }
      }
      must.add(names.size() == 1 ? names.get(0) : or(names));
    }
    must.add(ConditionQueries.window(slice.timestamp(), slice.timestampFormat(), slice.window()));
    Query conditions = ConditionQueries.anyOf(slice.anyOf());
    if (conditions != null) {
      must.add(conditions);
    }
    return Query.of(q -> q.bool(b -> b.filter(must)));
  }

  private static Query or(List<Query> queries) {
    return Query.of(q -> q.bool(b -> b.should(queries).minimumShouldMatch("1")));
  }
}
