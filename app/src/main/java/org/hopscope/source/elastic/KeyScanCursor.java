package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;

/**
 * A {@link KeyScan} as a composite aggregation, one page per {@link #next()} via {@code after_key}:
 * one bucket per key (ascending, UTF-8 byte order) with min/max timestamp and {@code filter} counts
 * of failures and dead letters.
 *
 * <p>A keyed key ({@code tags[key=message.id].value}) scans under a {@code nested} aggregation on
 * the array and a {@code filter} on the element selector (Elasticsearch allows a composite there);
 * the per-key figures come from a {@code reverse_nested} back to the documents, so {@code
 * documents} counts documents, not array elements.
 */
final class KeyScanCursor implements EventSource.KeyCursor {

  static final int MAX_PAGE = 10_000;
  private static final String KEYS = "keys";
  private static final String NESTED = "nested";
  private static final String ELEMENT = "element";

  private final ElasticConnection connection;
  private final KeyScan scan;
  private final int pageSize;
  private final Cancellation cancel;
  private Map<String, FieldValue> afterKey;
  private boolean done;

  KeyScanCursor(ElasticConnection connection, KeyScan scan, int pageSize, Cancellation cancel) {
    if (pageSize < 1 || pageSize > MAX_PAGE) {
      throw new IllegalArgumentException("pageSize must be 1..10000, got " + pageSize);
    }
    this.connection = connection;
    this.scan = scan;
    this.pageSize = pageSize;
    this.cancel = cancel;
  }

  @Override
  public List<KeyBucket> next() {
    if (done) {
      return List.of();
    }
    SearchRequest request = request(scan, pageSize, afterKey);
    SearchResponse<Void> answer =
        connection.call(
            "the scan of " + scan.indices() + " by " + scan.key(),
            () -> connection.client().search(request, Void.class),
            r -> false,
            cancel);
    CompositeAggregate composite = compositeOf(answer.aggregations());
    if (composite == null) {
      done = true;
      return List.of();
    }
    List<KeyBucket> page = new ArrayList<>();
    for (CompositeBucket b : composite.buckets().array()) {
      page.add(bucket(b));
    }
    afterKey = composite.afterKey();
    if (page.size() < pageSize || afterKey == null || afterKey.isEmpty()) {
      done = true;
    }
    return page;
  }

  @Override
  public void close() {
    done = true;
  }

  /** The search for one page (package-visible for the query's unit test). */
  static SearchRequest request(KeyScan scan, int pageSize, Map<String, FieldValue> after) {
    FieldPath key = scan.key();
    Map<String, Aggregation> figures = new LinkedHashMap<>();
    String ts = scan.timestamp().indexedField();
    figures.put("first", Aggregation.of(a -> a.min(m -> m.field(ts))));
    figures.put("last", Aggregation.of(a -> a.max(m -> m.field(ts))));
    Query failure = ConditionQueries.anyOf(scan.failure());
    if (failure != null) {
      figures.put("failures", Aggregation.of(a -> a.filter(failure)));
    }
    Query deadLetter = ConditionQueries.anyOf(scan.deadLetter());
    if (deadLetter != null) {
      figures.put("deadLetters", Aggregation.of(a -> a.filter(deadLetter)));
    }
    Map<String, Aggregation> perKey =
        key.keyed()
            ? Map.of("docs", Aggregation.of(a -> a.reverseNested(r -> r).aggregations(figures)))
            : figures;
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
    Aggregation top = composite;
    if (key.keyed()) {
      filters.add(ConditionQueries.exists(key));
      String selector = key.array() + "." + key.matchField();
      Aggregation element =
          Aggregation.of(
              a ->
                  a.filter(f -> f.term(t -> t.field(selector).value(key.matchValue())))
                      .aggregations(KEYS, composite));
      top = Aggregation.of(a -> a.nested(n -> n.path(key.array())).aggregations(ELEMENT, element));
    }
    Aggregation root = top;
    String rootName = key.keyed() ? NESTED : KEYS;
    return SearchRequest.of(
        s ->
            s.index(scan.indices())
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations(rootName, root));
  }

  private CompositeAggregate compositeOf(Map<String, Aggregate> aggregations) {
    Aggregate keys;
    if (scan.key().keyed()) {
      Aggregate nested = aggregations.get(NESTED);
      keys =
          nested == null
              ? null
              : nested.nested().aggregations().get(ELEMENT).filter().aggregations().get(KEYS);
    } else {
      keys = aggregations.get(KEYS);
    }
    return keys == null ? null : keys.composite();
  }

  private KeyBucket bucket(CompositeBucket b) {
    Map<String, Aggregate> figures = b.aggregations();
    long documents = b.docCount();
    if (scan.key().keyed()) {
      var docs = figures.get("docs").reverseNested();
      documents = docs.docCount();
      figures = docs.aggregations();
    }
    return new KeyBucket(
        text(b.key().get("key")),
        instant(figures.get("first").min().value()),
        instant(figures.get("last").max().value()),
        documents,
        figures.containsKey("failures") ? figures.get("failures").filter().docCount() : 0,
        figures.containsKey("deadLetters") ? figures.get("deadLetters").filter().docCount() : 0);
  }

  private Instant instant(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return null;
    }
    TimestampFormat format = scan.timestampFormat();
    // min/max of a date field are epoch milliseconds; of a number field, the field's own unit
    TimestampFormat unit = format == TimestampFormat.ISO ? TimestampFormat.EPOCH_MILLIS : format;
    return unit.parse(BigDecimal.valueOf(value).toPlainString());
  }

  private static String text(FieldValue v) {
    if (v.isString()) {
      return v.stringValue();
    }
    if (v.isLong()) {
      return Long.toString(v.longValue());
    }
    if (v.isDouble()) {
      return BigDecimal.valueOf(v.doubleValue()).toPlainString();
    }
    return String.valueOf(v._get());
  }
}
