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
import com.fasterxml.jackson.databind.JsonNode;
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
import org.hopscope.source.SourceException;

/**
 * A {@link KeyValuesScan} as a composite aggregation paged by {@code after_key}. Plain fields: one
 * composite over the (key, value) pairs, grouped by key here (a key's pairs may span two pages; the
 * last key of a page is held back until the next one). Either field a keyed array element ({@code
 * tags[key=erp.document_number].value}): a composite on the key with a {@code terms}
 * sub-aggregation listing its values; a keyed key is aggregated under {@code nested} + {@code
 * filter} on its element (as in {@link KeyScanCursor}), the values after a {@code reverse_nested},
 * a keyed value under its own {@code nested} + {@code filter}. (The pairs form is 1.4-3.6x faster
 * on the sandbox's payments: per-key sub-aggregations are costly.) Pages are streamed bucket by
 * bucket, as in {@link KeyScanCursor}.
 */
final class ValuesScanCursor implements EventSource.ValuesCursor {

  /**
   * Keys per page at most with a keyed field: each key brings at least one value bucket
   * (Elasticsearch caps them); plain fields page by up to 10,000 pairs.
   */
  static final int MAX_PAGE = 5_000;

  /** Values listed per key at most (a message split into more parts is cut short). */
  static final int MAX_VALUES = 1_000;

  private static final JacksonJsonpMapper MAPPER = new JacksonJsonpMapper();

  private final ElasticConnection connection;
  private final KeyValuesScan scan;
  private final int pageSize;
  private final Cancellation cancel;
  private Map<String, FieldValue> afterKey;
  private String pendingKey;
  private final List<String> pendingValues = new ArrayList<>();
  private boolean done;

  ValuesScanCursor(
      ElasticConnection connection, KeyValuesScan scan, int pageSize, Cancellation cancel) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be positive, got " + pageSize);
    }
    this.connection = connection;
    this.scan = scan;
    this.pageSize = Math.min(pageSize, pairs(scan) ? KeyScanCursor.MAX_PAGE : MAX_PAGE);
    this.cancel = cancel;
  }

  @Override
  public List<KeyValues> next() {
    List<KeyValues> out = new ArrayList<>();
    while (out.isEmpty() && !done) {
      String body = JsonpUtils.toJsonString(request(scan, pageSize, afterKey), MAPPER);
      Page page =
          connection.call(
              what(),
              () -> connection.post(endpoint(scan.indices()), body, this::read),
              r -> false,
              cancel);
      afterKey = page.after() == null ? null : afterKey(page.after());
      done = page.buckets() < pageSize || afterKey == null;
      // a key's pairs may go on on the next page: the last key is held back until then
      for (String[] pair : page.pairs()) {
        if (pendingKey != null && !pendingKey.equals(pair[0])) {
          out.add(new KeyValues(pendingKey, pendingValues));
          pendingValues.clear();
        }
        pendingKey = pair[0];
        pendingValues.add(pair[1]);
      }
    }
    if (done && pendingKey != null && out.size() < pageSize) {
      out.add(new KeyValues(pendingKey, pendingValues));
      pendingKey = null;
    }
    return out;
  }

  @Override
  public void close() {
    done = true;
  }

  /** A page: its (key, value) pairs in order, the composite's bucket count and after key. */
  private record Page(List<String[]> pairs, int buckets, JsonNode after) {}

  private Map<String, FieldValue> afterKey(JsonNode after) {
    return pairs(scan)
        ? Map.of(
            "key",
            CompositePages.fieldValue(after.path("key")),
            "value",
            CompositePages.fieldValue(after.path("value")))
        : Map.of("key", CompositePages.fieldValue(after.path("key")));
  }

  /** Streams the answer ({@link CompositePages}). */
  private Page read(InputStream in) throws IOException {
    List<String[]> pairs = new ArrayList<>();
    String aggregation = scan.key().keyed() ? "nested" : "keys";
    CompositePages.Page page =
        CompositePages.read(in, aggregation, b -> pairs(b, pairs), this::wrong);
    if (page.withoutComposite()) { // its requests carry no filter_path: nothing is dropped
      throw CompositePages.without(this::wrong, aggregation);
    }
    return new Page(pairs, page.buckets(), page.afterKey());
  }

  private void pairs(JsonNode bucket, List<String[]> out) {
    JsonNode key = bucket.path("key").path("key");
    if (!key.isValueNode()) {
      throw wrong(
          "a bucket without its key (" + WrongAnswer.shown(bucket) + ")", "{key: {key, ...}}");
    }
    if (pairs(scan)) {
      JsonNode value = bucket.path("key").path("value");
      if (!value.isValueNode()) {
        throw wrong(
            "a bucket without its value (" + WrongAnswer.shown(bucket) + ")",
            "{key: {key, value}}");
      }
      out.add(new String[] {CompositePages.text(key), CompositePages.text(value)});
      return;
    }
    JsonNode v = scan.key().keyed() ? bucket.path("docs") : bucket;
    if (scan.value().keyed()) {
      v = v.path("valueNested").path("valueElement");
    }
    JsonNode values = v.path("values").path("buckets");
    if (!values.isArray()) {
      throw wrong(
          "a bucket without the aggregation values (" + WrongAnswer.shown(bucket) + ")",
          "the values of " + scan.value() + " per key");
    }
    for (JsonNode b : values) {
      out.add(new String[] {CompositePages.text(key), CompositePages.text(b.path("key"))});
    }
  }

  private SourceException wrong(String came, String expected) {
    return WrongAnswer.of(connection.url(), what(), came, expected);
  }

  private String what() {
    return "the scan of " + scan.indices() + " by " + scan.key() + " for " + scan.value();
  }

  /** Whether both fields are plain: one composite over (key, value) pairs, the fastest form. */
  private static boolean pairs(KeyValuesScan scan) {
    return !scan.key().keyed() && !scan.value().keyed();
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
    if (pairs(scan)) {
      return search(scan, key, value, "keys", composite(pageSize, after, key, value, Map.of()));
    }
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
    Aggregation composite = composite(pageSize, after, key, null, perKey);
    Aggregation top = composite;
    String rootName = "keys";
    if (key.keyed()) {
      Aggregation element =
          Aggregation.of(a -> a.filter(selector(key)).aggregations("keys", composite));
      top =
          Aggregation.of(a -> a.nested(n -> n.path(key.array())).aggregations("element", element));
      rootName = "nested";
    }
    return search(scan, key, value, rootName, top);
  }

  /** A composite page on {@code key} (and {@code value} when not null), then {@code perKey}. */
  private static Aggregation composite(
      int pageSize,
      Map<String, FieldValue> after,
      FieldPath key,
      FieldPath value,
      Map<String, Aggregation> perKey) {
    List<Map<String, CompositeAggregationSource>> sources = new ArrayList<>();
    sources.add(
        Map.of(
            "key", CompositeAggregationSource.of(s -> s.terms(t -> t.field(key.indexedField())))));
    if (value != null) {
      sources.add(
          Map.of(
              "value",
              CompositeAggregationSource.of(s -> s.terms(t -> t.field(value.indexedField())))));
    }
    return Aggregation.of(
        a ->
            a.composite(
                    c -> {
                      c.size(pageSize).sources(sources);
                      if (after != null) {
                        c.after(after);
                      }
                      return c;
                    })
                .aggregations(perKey));
  }

  private static SearchRequest search(
      KeyValuesScan scan, FieldPath key, FieldPath value, String name, Aggregation root) {
    List<Query> filters = new ArrayList<>();
    filters.add(ConditionQueries.window(scan.timestamp(), scan.timestampFormat(), scan.window()));
    filters.add(ConditionQueries.exists(key));
    filters.add(ConditionQueries.exists(value));
    return KeyFigures.aggregationsOnly(scan.indices(), filters, name, root);
  }

  private static Query selector(FieldPath field) {
    return Query.of(
        q ->
            q.term(
                t -> t.field(field.array() + "." + field.matchField()).value(field.matchValue())));
  }
}
