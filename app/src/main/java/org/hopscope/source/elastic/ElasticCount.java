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
import java.util.List;
import java.util.stream.Collectors;
import org.hopscope.model.FieldPath;
import org.hopscope.source.Cancellation;
import org.hopscope.source.CountQuery;
import org.hopscope.source.SourceException;
import org.hopscope.source.UnreadableIndexException;

/**
 * A {@link CountQuery} as one {@code _search} with {@code size: 0}: the exact hit total ({@code
 * track_total_hits: true}) for documents, a {@code cardinality} aggregation with {@code
 * precision_threshold: 40000} for distinct values (under a {@code nested} + selector {@code filter}
 * for a keyed field). Cardinality is HyperLogLog++: practically exact below the threshold,
 * approximate (a few percent) above it. An index pattern that matches no index (404) or that the
 * user may not read (403) fails with {@link UnreadableIndexException}, never counts 0.
 */
final class ElasticCount {

  static final int PRECISION_THRESHOLD = 40_000;
  private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ElasticCount() {}

  static long count(ElasticConnection connection, CountQuery query, Cancellation cancel) {
    String body = JsonpUtils.toJsonString(request(query), MAPPER);
    String endpoint =
        "/"
            + query.indices().stream()
                .map(i -> URLEncoder.encode(i, StandardCharsets.UTF_8))
                .collect(Collectors.joining(","))
            + "/_search?ignore_unavailable=false&allow_no_indices=false";
    JsonNode answer;
    try {
      answer =
          connection.call(
              "the count in " + query.indices(),
              () -> connection.post(endpoint, body, JSON::readTree),
              r -> false,
              cancel);
    } catch (SourceException e) {
      // a pattern matching no index, or not readable, is no count of 0
      throw unreadable(e, query.indices());
    }
    String what = "the count in " + query.indices();
    if (query.distinct() == null) {
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
    JsonNode agg = answer.path("aggregations").path("distinct");
    String name = "distinct";
    if (query.distinct().keyed()) {
      agg = agg.path("element").path("distinct");
      name = "distinct.element.distinct";
    }
    JsonNode value = agg.path("value");
    if (!value.isIntegralNumber()) {
      throw WrongAnswer.of(
          connection.url(),
          what,
          "without the aggregation " + name + " (" + WrongAnswer.shown(agg) + ")",
          "the number of distinct " + query.distinct() + " values (a cardinality)");
    }
    return value.asLong();
  }

  /** The search (package-visible for the query's unit test). */
  static SearchRequest request(CountQuery query) {
    List<Query> filters = new ArrayList<>();
    filters.add(
        ConditionQueries.window(query.timestamp(), query.timestampFormat(), query.window()));
    Query any = ConditionQueries.anyOf(query.anyOf());
    if (any != null) {
      filters.add(any);
    }
    if (query.matchText() != null) {
      String text = query.matchText();
      filters.add(
          ConditionQueries.at(
              query.messageField(),
              name -> Query.of(q -> q.matchPhrase(m -> m.field(name).query(text)))));
    }
    FieldPath distinct = query.distinct();
    return SearchRequest.of(
        s -> {
          s.index(query.indices())
              .ignoreUnavailable(false)
              .allowNoIndices(false)
              .size(0)
              .query(q -> q.bool(b -> b.filter(filters)));
          if (distinct == null) {
            s.trackTotalHits(t -> t.enabled(true));
          } else {
            s.trackTotalHits(t -> t.enabled(false)).aggregations("distinct", distinctOf(distinct));
          }
          return s;
        });
  }

  static Aggregation distinctOf(FieldPath field) {
    Aggregation cardinality =
        Aggregation.of(
            a ->
                a.cardinality(
                    c -> c.field(field.indexedField()).precisionThreshold(PRECISION_THRESHOLD)));
    if (!field.keyed()) {
      return cardinality;
    }
    String selector = field.array() + "." + field.matchField();
    Aggregation element =
        Aggregation.of(
            a ->
                a.filter(f -> f.term(t -> t.field(selector).value(field.matchValue())))
                    .aggregations("distinct", cardinality));
    return Aggregation.of(
        a -> a.nested(n -> n.path(field.array())).aggregations("element", element));
  }

  /**
   * What a failed count or aggregation over {@code indices} means: a pattern that matches no index
   * (404) or may not be read (403) is an {@link UnreadableIndexException} (never a figure of 0);
   * any other failure stays as it was.
   */
  static SourceException unreadable(SourceException e, List<String> indices) {
    int status = ElasticErrors.status(e.getCause());
    if (status != 404 && status != 403) {
      return e;
    }
    return new UnreadableIndexException(
        ElasticErrors.SOURCE,
        status == 404
            ? UnreadableIndexException.Reason.NO_INDEX
            : UnreadableIndexException.Reason.NO_PRIVILEGE,
        indices,
        e.getMessage(),
        e);
  }
}
