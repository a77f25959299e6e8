package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hopscope.source.elastic.OrdersPath.atLeast;
import static org.hopscope.source.elastic.OrdersPath.exists;
import static org.hopscope.source.elastic.OrdersPath.f;
import static org.hopscope.source.elastic.OrdersPath.in;

import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.time.Instant;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.KeyScan;
import org.junit.jupiter.api.Test;

/** The JSON of the queries built from field paths and conditions (pure, no Elasticsearch). */
class ConditionQueriesTest {

  private final JacksonJsonpMapper mapper = new JacksonJsonpMapper();

  private String json(Object o) {
    return JsonpUtils.toJsonString(o, mapper);
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void dottedIdsAreOneTermsQueryWithTheValuesAsData() {
    assertThat(
            json(
                ConditionQueries.anyValue(
                    f("labels.message_id"), List.of("a\"b", "*", "x OR 1=1"))))
        .isEqualTo("{\"terms\":{\"labels.message_id\":[\"a\\\"b\",\"*\",\"x OR 1=1\"]}}");
  }

  @Test
  void keyedIdsAreNestedOnTheArrayMatchingSelectorAndValueInOneElement() {
    assertThat(json(ConditionQueries.anyValue(f("tags[key=message.id].value"), List.of("ord-1"))))
        .isEqualTo(
            "{\"nested\":{\"path\":\"tags\",\"query\":{\"bool\":{\"filter\":["
                + "{\"term\":{\"tags.key\":{\"value\":\"message.id\"}}},"
                + "{\"terms\":{\"tags.value\":[\"ord-1\"]}}]}},\"score_mode\":\"none\"}}");
  }

  @Test
  void conditionsTranslateToTermsRangeAndExists() {
    assertThat(json(ConditionQueries.condition(in("event.action", "erp-rejected"))))
        .isEqualTo("{\"terms\":{\"event.action\":[\"erp-rejected\"]}}");
    assertThat(json(ConditionQueries.condition(atLeast("http.response.status_code", "400"))))
        .isEqualTo("{\"range\":{\"http.response.status_code\":{\"gte\":400}}}");
    assertThat(json(ConditionQueries.condition(exists("labels.dlq_topic"))))
        .isEqualTo("{\"exists\":{\"field\":\"labels.dlq_topic\"}}");
    assertThat(json(ConditionQueries.condition(in("tags[key=http.status_code].value", "500"))))
        .isEqualTo(
            "{\"nested\":{\"path\":\"tags\",\"query\":{\"bool\":{\"filter\":["
                + "{\"term\":{\"tags.key\":{\"value\":\"http.status_code\"}}},"
                + "{\"terms\":{\"tags.value\":[\"500\"]}}]}},\"score_mode\":\"none\"}}");
  }

  @Test
  void severalConditionsAreAnyOf() {
    assertThat(ConditionQueries.anyOf(List.of())).isNull();
    assertThat(
            json(ConditionQueries.anyOf(List.of(in("log.level", "ERROR"), exists("error.type")))))
        .isEqualTo(
            "{\"bool\":{\"minimum_should_match\":\"1\",\"should\":[{\"terms\":{\"log.level\":[\"ERROR\"]}},"
                + "{\"exists\":{\"field\":\"error.type\"}}]}}");
  }

  @Test
  void atLeastNeedsANumber() {
    assertThatThrownBy(() -> ConditionQueries.condition(atLeast("status", "high")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("condition on status: atLeast needs a number, got [high]");
  }

  @Test
  void windowBoundsAreInTheFieldsOwnFormat() {
    TimeWindow w =
        new TimeWindow(
            Instant.parse("2026-11-26T11:00:00.000000500Z"), Instant.parse("2026-11-26T12:00:00Z"));
    assertThat(json(ConditionQueries.window(f("@timestamp"), TimestampFormat.ISO, w)))
        .isEqualTo(
            "{\"range\":{\"@timestamp\":{\"gte\":\"2026-11-26T11:00:00.000000500Z\","
                + "\"lt\":\"2026-11-26T12:00:00Z\"}}}");
    assertThat(json(ConditionQueries.window(f("startTime"), TimestampFormat.EPOCH_MICROS, w)))
        .isEqualTo(
            "{\"range\":{\"startTime\":{\"gte\":1795690800000001,\"lt\":1795694400000000}}}");
    assertThat(json(ConditionQueries.window(f("ts"), TimestampFormat.EPOCH_MILLIS, w)))
        .isEqualTo("{\"range\":{\"ts\":{\"gte\":1795690800001,\"lt\":1795694400000}}}");
    assertThat(json(ConditionQueries.window(f("t"), TimestampFormat.EPOCH_NANOS, w)))
        .isEqualTo("{\"range\":{\"t\":{\"gte\":1795690800000000500,\"lt\":1795694400000000000}}}");
  }

  @Test
  void boundRoundsUpToTheNextWholeUnit() {
    Instant t = Instant.ofEpochSecond(10, 1);
    assertThat(json(ConditionQueries.bound(TimestampFormat.EPOCH_MICROS, t)))
        .isEqualTo(json(JsonData.of(10_000_001L)));
    assertThat(
            json(ConditionQueries.bound(TimestampFormat.EPOCH_MICROS, Instant.ofEpochSecond(10))))
        .isEqualTo(json(JsonData.of(10_000_000L)));
  }

  @Test
  void keyedScanIsACompositeUnderNestedAndFilterWithReverseNestedFigures() {
    KeyScan scan =
        new KeyScan(
            List.of("jaeger-span-*"),
            f("tags[key=message.id].value"),
            f("startTime"),
            TimestampFormat.EPOCH_MICROS,
            new TimeWindow(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200)),
            List.of(in("tags[key=http.status_code].value", "500")),
            List.of());
    String request = json(KeyScanCursor.request(scan, 100, null));
    assertThat(request)
        .contains("\"aggregations\":{\"nested\":{\"aggregations\":{\"element\":")
        .contains("\"nested\":{\"path\":\"tags\"}")
        .contains("\"filter\":{\"term\":{\"tags.key\":{\"value\":\"message.id\"}}}")
        .contains(
            "\"composite\":{\"size\":100,\"sources\":[{\"key\":{\"terms\":{\"field\":\"tags.value\"}}}]}")
        .contains("\"docs\":{\"aggregations\":{")
        .contains("\"reverse_nested\":{}")
        .contains("\"first\":{\"min\":{\"field\":\"startTime\"}}")
        .contains("\"range\":{\"startTime\":{\"gte\":100000000,\"lt\":200000000}}")
        .doesNotContain("deadLetters");
  }

  @Test
  void dottedScanIsATopLevelComposite() {
    KeyScan scan =
        new KeyScan(
            List.of("logs-fulfilment-*"),
            f("labels.message_id"),
            f("@timestamp"),
            TimestampFormat.ISO,
            new TimeWindow(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200)),
            List.of(in("event.action", "erp-rejected")),
            List.of(exists("labels.dlq_topic")));
    String request = json(KeyScanCursor.request(scan, 10_000, null));
    assertThat(request)
        .startsWith("{\"aggregations\":{\"keys\":{\"aggregations\":{")
        .contains(
            "\"failures\":{\"aggregations\":{\"lastFailure\":{\"max\":{\"field\":\"@timestamp\"}}},"
                + "\"filter\":{\"terms\":{\"event.action\":[\"erp-rejected\"]}}}")
        .contains("\"deadLetters\":{\"filter\":{\"exists\":{\"field\":\"labels.dlq_topic\"}}}")
        .contains("\"terms\":{\"field\":\"labels.message_id\"}")
        .doesNotContain("nested");
  }
}
