package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.CountQuery;
import org.junit.jupiter.api.Test;

/** The search {@link ElasticCount} sends, exactly. */
class ElasticCountTest {

  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-11-26T11:00:00Z"), Instant.parse("2026-11-26T12:00:00Z"));

  private static String json(CountQuery q) {
    return JsonpUtils.toJsonString(ElasticCount.request(q), new JacksonJsonpMapper());
  }

  @Test
  void documentsMeetingAConditionWithAPhraseAreAnExactTotal() {
    CountQuery q =
        new CountQuery(
            List.of("logs-fulfilment-*"),
            FieldPath.parse("@timestamp"),
            TimestampFormat.ISO,
            WINDOW,
            List.of(
                new Condition(FieldPath.parse("labels.dlq_topic"), Condition.Op.EXISTS, List.of())),
            FieldPath.parse("message"),
            "a\" OR *:*",
            null);
    assertThat(json(q))
        .isEqualTo(
            "{\"query\":{\"bool\":{\"filter\":["
                + "{\"range\":{\"@timestamp\":{\"gte\":\"2026-11-26T11:00:00Z\","
                + "\"lt\":\"2026-11-26T12:00:00Z\"}}},"
                + "{\"exists\":{\"field\":\"labels.dlq_topic\"}},"
                + "{\"match_phrase\":{\"message\":{\"query\":\"a\\\" OR *:*\"}}}]}},"
                + "\"size\":0,\"track_total_hits\":true}");
  }

  @Test
  void distinctKeyedValuesAreACardinalityUnderNested() {
    CountQuery q =
        new CountQuery(
            List.of("jaeger-span-*"),
            FieldPath.parse("startTime"),
            TimestampFormat.EPOCH_MICROS,
            WINDOW,
            List.of(),
            null,
            null,
            FieldPath.parse("tags[key=message.id].value"));
    assertThat(json(q))
        .isEqualTo(
            "{\"aggregations\":{\"distinct\":{\"aggregations\":{\"element\":{\"aggregations\":"
                + "{\"distinct\":{\"cardinality\":{\"field\":\"tags.value\","
                + "\"precision_threshold\":40000}}},"
                + "\"filter\":{\"term\":{\"tags.key\":{\"value\":\"message.id\"}}}}},"
                + "\"nested\":{\"path\":\"tags\"}}},"
                + "\"query\":{\"bool\":{\"filter\":[{\"range\":{\"startTime\":"
                + "{\"gte\":1795690800000000,\"lt\":1795694400000000}}}]}},"
                + "\"size\":0,\"track_total_hits\":false}");
  }
}
