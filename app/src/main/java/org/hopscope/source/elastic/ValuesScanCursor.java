package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hopscope.model.FieldPath;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyValues;
import org.hopscope.source.KeyValuesScan;

/**
 * A {@link KeyValuesScan} as a composite aggregation on the key, one page per {@link #next()} via
 * {@code after_key}, with a {@code terms} sub-aggregation listing the values per key. Either field
 * may be a keyed array element ({@code tags[key=erp.document_number].value}): the key is then
 * aggregated under {@code nested} + {@code filter} on its element (as in {@link KeyScanCursor}) and
 * the values after a {@code reverse_nested}; a keyed value under its own {@code nested} + {@code
 * filter}. Pages are streamed bucket by bucket, as in {@link KeyScanCursor}.
 */
final class ValuesScanCursor implements EventSource.ValuesCursor {

  /** Keys per page at most: each key brings at least one value bucket (Elasticsearch caps them). */
  static final int MAX_PAGE = 5_000;

  /** Values listed per key at most (a message split into more parts is cut short). */
  static final int MAX_VALUES = 1_000;

  private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ElasticConnection connection;
  private final KeyValuesScan scan;
  private final int pageSize;
  private final Cancellation cancel;
  private Map<String, FieldValue> afterKey;
  private boolean done;

  ValuesScanCursor(
      ElasticConnection connection, KeyValuesScan scan, int pageSize, Cancellation cancel) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
    }
    this.connection = connection;
    this.scan = scan;
    this.pageSize = Math.min(pageSize, MAX_PAGE);
    this.cancel = cancel;
  }

  @Override
  public List<KeyValues> next() {
    if (done) {
      return List.of();
    }
    String body = JsonpUtils.toJsonString(request(scan, pageSize, afterKey), MAPPER);
    Page page =
        connection.call(
            "the scan of " + scan.indices() + " by " + scan.key() + " for " + scan.value(),
            () -> connection.post(endpoint(scan.indices()), body, this::read),
            r -> false,
            cancel);
    afterKey = page.after() == null ? null : Map.of("key", fieldValue(page.after()));
    if (page.keys().size() < pageSize || afterKey == null) {
      done = true;
    }
    return page.keys();
  }

  @Override
  public void close() {
    done = true;
  }

  private record Page(List<KeyValues> keys, JsonNode after) {}

  /** The only {@code buckets} and {@code after_key} outside a bucket are the composite's. */
  private Page read(InputStream in) throws IOException {
    List<KeyValues> keys = new ArrayList<>();
    JsonNode after = null;
    try (JsonParser p = JSON.createParser(in)) {
      p.nextToken();
      for (JsonToken t = p.currentToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME && "buckets".equals(p.currentName())) {
          if (p.nextToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              KeyValues kv = keyValues(p.readValueAsTree());
              if (kv != null) {
                keys.add(kv);
              }
            }
          }
        } else if (t == JsonToken.FIELD_NAME && "after_key".equals(p.currentName())) {
          p.nextToken();
          JsonNode key = ((JsonNode) p.readValueAsTree()).path("key");
          after = key.isMissingNode() ? null : key;
        }
      }
    }
    return new Page(keys, after);
  }

  private KeyValues keyValues(JsonNode bucket) {
    JsonNode v = scan.key().keyed() ? bucket.path("docs") : bucket;
    if (scan.value().keyed()) {
      v = v.path("valueNested").path("valueElement");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode b : v.path("values").path("buckets")) {
      values.add(text(b.path("key")));
    }
    return values.isEmpty() ? null : new KeyValues(text(bucket.path("key").path("key")), values);
  }

  private static String text(JsonNode v) {
    return v.isFloatingPointNumber() ? v.decimalValue().toPlainString() : v.asText();
  }

  private static FieldValue fieldValue(JsonNode v) {
    if (v.isIntegralNumber()) {
      return FieldValue.of(v.asLong());
    }
    if (v.isNumber()) {
      return FieldValue.of(v.asDouble());
    }
    if (v.isBoolean()) {
      return FieldValue.of(v.asBoolean());
    }
    return FieldValue.of(v.asText());
  }

  private static String endpoint(List<String> indices) {
    return "/"
        + indices.stream()
            .map(i -> URLEncoder.encode(i, StandardCharsets.UTF_8))
            .collect(Collectors.joining(","))
        + "/_search?ignore_unavailable=true&allow_no_indices=true";
  }

  /** The search for one page (package-visible for the query's unit test). */
  static SearchRequest request(KeyValuesScan scan, int pageSize, Map<String, FieldValue> after) {
    FieldPath key = scan.key();
    FieldPath value = scan.value();
    Aggregation terms =
        Aggregation.of(
            a ->
                a.terms(
                    t ->
                        t.field(value.indexedField())
                            .size(MAX_VALUES)
                            .order(NamedValue.of("_key", SortOrder.Asc))));
    Map<String, Aggregation> plain = Map.of("values", terms);
    Map<String, Aggregation> values = plain;
    if (value.keyed()) {
      Aggregation element =
          Aggregation.of(a -> a.filter(selector(value)).aggregations("values", terms));
      Aggregation nested =
          Aggregation.of(
              a -> a.nested(n -> n.path(value.array())).aggregations("valueElement", element));
      values = Map.of("valueNested", nested);
    }
    Map<String, Aggregation> perValue = values;
    Map<String, Aggregation> perKey =
        key.keyed()
            ? Map.of("docs", Aggregation.of(a -> a.reverseNested(r -> r).aggregations(perValue)))
            : perValue;
    Aggregation composite =
        Aggregation.of(
            a ->
                a.composite(
                        c -> {
                          c.size(pageSize)
                              .sources(
                                  Map.of(
                                      "key",
                                      CompositeAggregationSource.of(
                                          s -> s.terms(t -> t.field(key.indexedField())))));
                          if (after != null) {
                            c.after(after);
                          }
                          return c;
                        })
                    .aggregations(perKey));
    List<Query> filters = new ArrayList<>();
    filters.add(ConditionQueries.window(scan.timestamp(), scan.timestampFormat(), scan.window()));
    filters.add(ConditionQueries.exists(key));
    filters.add(ConditionQueries.exists(value));
    Aggregation top = composite;
    String rootName = "keys";
    if (key.keyed()) {
      Aggregation element =
          Aggregation.of(a -> a.filter(selector(key)).aggregations("keys", composite));
      top =
          Aggregation.of(a -> a.nested(n -> n.path(key.array())).aggregations("element", element));
      rootName = "nested";
    }
    Aggregation root = top;
    String name = rootName;
    return SearchRequest.of(
        s ->
            s.index(scan.indices())
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations(name, root));
  }

  private static Query selector(FieldPath field) {
    return Query.of(
        q ->
            q.term(
                t -> t.field(field.array() + "." + field.matchField()).value(field.matchValue())));
  }
}
