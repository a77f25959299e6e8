package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.hopscope.source.KeyScan;
import org.junit.jupiter.api.Test;

/**
 * The key sample's request: one terms partition with a composite page's figures, values as data.
 */
class KeySampleTest {

  private static final String HOSTILE = "ord-\"}],\"size\":10000,\"x\":{\"";

  @Test
  void aSampleIsOneTermsPartitionWithTheFiguresOfAKeyScanAndValuesStayData() throws Exception {
    KeyScan scan =
        new KeyScan(
            List.of("logs-\"fulfilment\"-*"),
            FieldPath.parse("labels.message_id"),
            FieldPath.parse("@timestamp"),
            TimestampFormat.ISO,
            new TimeWindow(Instant.ofEpochSecond(100), Instant.ofEpochSecond(200)),
            List.of(
                new Condition(
                    FieldPath.parse("event.outcome"), Condition.Op.IN, List.of(HOSTILE), true)),
            List.of(new Condition(FieldPath.parse("dlq"), Condition.Op.EXISTS, List.of())));
    String json =
        JsonpUtils.toJsonString(KeySample.request(scan, 3, 77, 12_001), new JacksonJsonpMapper());
    JsonNode terms = new ObjectMapper().readTree(json).path("aggregations").path("keys");

    assertThat(terms.path("terms").path("field").asText()).isEqualTo("labels.message_id");
    assertThat(terms.path("terms").path("size").asInt()).isEqualTo(12_001);
    assertThat(terms.path("terms").path("include").path("partition").asInt()).isEqualTo(3);
    assertThat(terms.path("terms").path("include").path("num_partitions").asInt()).isEqualTo(77);
    JsonNode figures = terms.path("aggregations");
    assertThat(figures.fieldNames())
        .toIterable()
        .containsExactly("first", "last", "failures", "terminal", "deadLetters");
    // the hostile value is one term value, not query syntax
    assertThat(json).contains(new ObjectMapper().writeValueAsString(HOSTILE));
    assertThat(new ObjectMapper().readTree(json).path("size").asInt()).isZero();
  }

  @Test
  void aPartitionOutsideTheKeySpaceIsRefusedBeforeAnyRequest() {
    KeyScan scan = KeySampleReadTest.scan("id");
    assertThatThrownBy(() -> KeySample.sample(null, scan, 5, 5, 100, Cancellation.none()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a key sample needs 0 <= partition < partitions and most >= 1, got 5 of 5, most 100");
  }
}
