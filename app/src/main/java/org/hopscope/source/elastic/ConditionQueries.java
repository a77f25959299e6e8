package org.hopscope.source.elastic;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.ChildScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;

/**
 * Elasticsearch queries for Hopscope's field paths and conditions. Values are always data: exact
 * {@code term}/{@code terms}/{@code range}/{@code exists}, never query syntax. A keyed field path
 * ({@code tags[key=message.id].value}) becomes a {@code nested} query on the array that matches the
 * element's selector and its value in the same element.
 */
final class ConditionQueries {

  private ConditionQueries() {}

  /** Documents whose {@code field} holds one of {@code values} (exact, case-sensitive). */
  static Query anyValue(FieldPath field, Collection<String> values) {
    List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
    return at(field, name -> Query.of(q -> q.terms(t -> t.field(name).terms(v -> v.value(terms)))));
  }

  /** Documents that have a value at {@code field}. */
  static Query exists(FieldPath field) {
    return at(field, name -> Query.of(q -> q.exists(e -> e.field(name))));
  }

  /** Documents meeting {@code condition}. */
  static Query condition(Condition condition) {
    return switch (condition.op()) {
      case IN -> anyValue(condition.field(), condition.values());
      case EXISTS -> exists(condition.field());
      case AT_LEAST -> {
        BigDecimal bound = number(condition);
        yield at(
            condition.field(),
            name ->
                Query.of(q -> q.range(r -> r.untyped(u -> u.field(name).gte(JsonData.of(bound))))));
      }
    };
  }

  /** Documents meeting at least one of {@code conditions}; null when there are none. */
  static Query anyOf(List<Condition> conditions) {
    if (conditions.isEmpty()) {
      return null;
    }
    if (conditions.size() == 1) {
      return condition(conditions.get(0));
    }
    List<Query> each = conditions.stream().map(ConditionQueries::condition).toList();
    return Query.of(q -> q.bool(b -> b.should(each).minimumShouldMatch("1")));
  }

  /**
   * Documents whose {@code timestamp} lies in {@code window} (half-open), with the bounds in the
   * field's own format: ISO strings for date fields, integers of the epoch unit otherwise.
   */
  static Query window(FieldPath timestamp, TimestampFormat format, TimeWindow window) {
    return at(
        timestamp,
        name ->
            Query.of(
                q ->
                    q.range(
                        r ->
                            r.untyped(
                                u ->
                                    u.field(name)
                                        .gte(bound(format, window.from()))
                                        .lt(bound(format, window.to()))))));
  }

  /** Ascending by the timestamp (unmapped in an index: sorts last, no error). */
  static SortOptions byTime(FieldPath timestamp, TimestampFormat format) {
    if (timestamp.keyed()) {
      throw new IllegalArgumentException(
          "the timestamp must be a plain field, not a keyed array element: " + timestamp);
    }
    FieldType unmapped = format == TimestampFormat.ISO ? FieldType.Date : FieldType.Long;
    return SortOptions.of(
        s ->
            s.field(
                f ->
                    f.field(timestamp.indexedField()).order(SortOrder.Asc).unmappedType(unmapped)));
  }

  /** The first value {@code t} at or after which a stored timestamp is in the window. */
  static JsonData bound(TimestampFormat format, Instant t) {
    if (format == TimestampFormat.ISO) {
      return JsonData.of(DateTimeFormatter.ISO_INSTANT.format(t));
    }
    long unitNanos =
        switch (format) {
          case EPOCH_MILLIS -> 1_000_000L;
          case EPOCH_MICROS -> 1_000L;
          default -> 1L;
        };
    long perSecond = 1_000_000_000L / unitNanos;
    // ceil: a stored integer v is at or after t exactly when v >= ceil(t / unit)
    long units =
        Math.addExact(
            Math.multiplyExact(t.getEpochSecond(), perSecond),
            (t.getNano() + unitNanos - 1) / unitNanos);
    return JsonData.of(units);
  }

  /** {@code inner} applied to the field's indexed name, wrapped in {@code nested} when keyed. */
  static Query at(FieldPath field, Function<String, Query> inner) {
    if (!field.keyed()) {
      return inner.apply(field.indexedField());
    }
    String array = field.array();
    Query selector =
        Query.of(
            q -> q.term(t -> t.field(array + "." + field.matchField()).value(field.matchValue())));
    Query value = inner.apply(field.indexedField());
    return Query.of(
        q ->
            q.nested(
                n ->
                    n.path(array)
                        .scoreMode(ChildScoreMode.None)
                        .query(b -> b.bool(f -> f.filter(selector, value)))));
  }

  private static BigDecimal number(Condition condition) {
    try {
      return new BigDecimal(condition.values().get(0));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw new IllegalArgumentException(
          "condition on "
              + condition.field()
              + ": atLeast needs a number, got "
              + condition.values(),
          e);
    }
  }
}
