package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.source.KeyScan;

/**
 * What a key scan asks per key, written once for both ways of reading keys: a composite page
 * ({@link KeyScanCursor}) and a hash sample's terms aggregation ({@link KeySample}). Per key: first
 * and last time, failures and the last of them, terminal failures, dead letters and the scan's
 * marks; a keyed (nested) key field is reached through its array element and the figures are
 * counted on the parent documents. Every value is data in the request the client library builds.
 */
final class KeyFigures {

  /** The aggregation's name at the root for a plain key field. */
  static final String KEYS = "keys";

  /** The root aggregation's name for a keyed (nested) key field. */
  static final String NESTED = "nested";

  /** The filter on the array element, under {@link #NESTED}. */
  static final String ELEMENT = "element";

  private KeyFigures() {}

  /** The root aggregation's name for {@code scan}. */
  static String rootName(KeyScan scan) {
    return scan.key().keyed() ? NESTED : KEYS;
  }

  /** The figures under each key (behind a {@code docs} reverse-nested step for a keyed field). */
  static Map<String, Aggregation> perKey(KeyScan scan) {
    String ts = scan.timestamp().indexedField();
    Map<String, Aggregation> figures = new LinkedHashMap<>();
    figures.put("first", Aggregation.of(a -> a.min(m -> m.field(ts))));
    figures.put("last", Aggregation.of(a -> a.max(m -> m.field(ts))));
    Query failure = ConditionQueries.anyOf(scan.failure());
    if (failure != null) {
      Map<String, Aggregation> lastFailure =
          Map.of("lastFailure", Aggregation.of(a -> a.max(m -> m.field(ts))));
      figures.put("failures", Aggregation.of(a -> a.filter(failure).aggregations(lastFailure)));
    }
    Query terminal =
        ConditionQueries.anyOf(scan.failure().stream().filter(Condition::terminal).toList());
    if (terminal != null) {
      figures.put("terminal", Aggregation.of(a -> a.filter(terminal)));
    }
    Query deadLetter = ConditionQueries.anyOf(scan.deadLetter());
    if (deadLetter != null) {
      figures.put("deadLetters", Aggregation.of(a -> a.filter(deadLetter)));
    }
    Query mark = ConditionQueries.anyOf(scan.mark());
    if (mark != null) {
      figures.put("marked", Aggregation.of(a -> a.filter(mark)));
    }
    return scan.key().keyed()
        ? Map.of("docs", Aggregation.of(a -> a.reverseNested(r -> r).aggregations(figures)))
        : figures;
  }

  /**
   * The search of {@code scan}'s window and indices with {@code keys} (the composite or terms
   * aggregation over the key field, carrying {@link #perKey}) at its root.
   */
  static SearchRequest search(KeyScan scan, Aggregation keys) {
    FieldPath key = scan.key();
    List<Query> filters = new ArrayList<>();
    filters.add(ConditionQueries.window(scan.timestamp(), scan.timestampFormat(), scan.window()));
    Aggregation top = keys;
    if (key.keyed()) {
      filters.add(ConditionQueries.exists(key));
      String selector = key.array() + "." + key.matchField();
      Aggregation element =
          Aggregation.of(
              a ->
                  a.filter(f -> f.term(t -> t.field(selector).value(key.matchValue())))
                      .aggregations(KEYS, keys));
      top = Aggregation.of(a -> a.nested(n -> n.path(key.array())).aggregations(ELEMENT, element));
    }
    return aggregationsOnly(scan.indices(), filters, rootName(scan), top);
  }

  /**
   * A search of {@code indices} that returns only aggregation {@code name} over the documents
   * matching every filter: no hits, no total, missing indices ignored.
   */
  static SearchRequest aggregationsOnly(
      List<String> indices, List<Query> filters, String name, Aggregation root) {
    return SearchRequest.of(
        s ->
            s.index(indices)
                .ignoreUnavailable(true)
                .allowNoIndices(true)
                .size(0)
                .trackTotalHits(t -> t.enabled(false))
                .query(q -> q.bool(b -> b.filter(filters)))
                .aggregations(name, root));
  }
}
