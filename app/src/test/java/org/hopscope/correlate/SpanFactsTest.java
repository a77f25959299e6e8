package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.EventWords;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import org.hopscope.source.SourceEvent;
import org.junit.jupiter.api.Test;

/**
 * A span's name, duration and outcome read through the field maps of {@code queries/orders.yaml}
 * (the first of several name/duration fields the document has, in the source's unit), and the words
 * the events table shows for them.
 */
class SpanFactsTest {

  private static final PathDef ORDERS = OrdersPath.path();

  private static EventSourceDef source(String hop, String index) {
    Hop h = ORDERS.hops().stream().filter(x -> x.name().equals(hop)).findFirst().orElseThrow();
    return h.sources().stream().filter(s -> s.index().equals(index)).findFirst().orElseThrow();
  }

  private static FlowEvent read(String hop, String index, Map<String, Object> doc) {
    EventReader.Read read =
        new EventReader().read(List.of(new SourceEvent(hop, source(hop, index), "i", "d1", doc)));
    assertThat(read.notices()).isEmpty();
    return read.events().get(0);
  }

  @Test
  void anApmSpanWithoutATransactionNameIsNamedBySpanNameAndLastsItsMicroseconds() {
    FlowEvent e =
        read(
            "order-service",
            "apm-order-service-*",
            Map.of(
                "@timestamp", "2026-11-26T15:59:25.272Z",
                "labels", Map.of("message_id", "ord-1"),
                "processor", Map.of("event", "span"),
                "event", Map.of("outcome", "success"),
                "span",
                    Map.of("name", "Kafka SEND to orders.v1", "duration", Map.of("us", 12_345))));
    assertThat(e.span()).isTrue();
    assertThat(e.name()).isEqualTo("Kafka SEND to orders.v1");
    assertThat(e.message()).isNull();
    assertThat(e.duration()).isEqualTo(Duration.ofNanos(12_345_000));
    assertThat(e.outcome()).isEqualTo("success");
    assertThat(EventWords.level(e)).isEqualTo("SPAN ok");
    assertThat(EventWords.message(e)).isEqualTo("Kafka SEND to orders.v1");
  }

  @Test
  void anOtelSpanLastsItsNanosecondsAndAJaegerSpanThatMeetsTheFailureConditionsIsAnError() {
    FlowEvent otel =
        read(
            "orders.v1",
            "otel-traces-orders-*",
            Map.of(
                "@timestamp",
                "2026-11-26T15:59:25.091Z",
                "attributes",
                Map.of("messaging", Map.of("message", Map.of("id", "ord-1"))),
                "name",
                "orders.v1 publish",
                "duration",
                1_500_000,
                "status",
                Map.of("code", "Ok")));
    assertThat(otel.duration()).isEqualTo(Duration.ofMillis(1).plusNanos(500_000));
    assertThat(EventWords.level(otel)).isEqualTo("SPAN ok");
    assertThat(EventWords.message(otel)).isEqualTo("orders.v1 publish");

    FlowEvent jaeger =
        read(
            "erp-adapter",
            "jaeger-span-*",
            Map.of(
                "startTime",
                1_764_172_807_900_000L,
                "operationName",
                "SOAP CreateSalesOrder",
                "duration",
                30_000_000,
                "tags",
                List.of(
                    Map.of("key", "message.id", "value", "ord-1"),
                    Map.of("key", "http.status_code", "value", 500))));
    assertThat(jaeger.failure()).isTrue();
    assertThat(jaeger.duration()).isEqualTo(Duration.ofSeconds(30));
    assertThat(jaeger.outcome()).isEqualTo("500");
    assertThat(EventWords.level(jaeger)).isEqualTo("SPAN error");
  }

  @Test
  void aSpanWithoutOutcomeOrDurationIsUnknownNeverOkOrZero() {
    FlowEvent e =
        read(
            "orders.v1",
            "otel-traces-orders-*",
            Map.of(
                "@timestamp", "2026-11-26T15:59:25.091Z",
                "attributes", Map.of("messaging", Map.of("message", Map.of("id", "ord-1"))),
                "name", "orders.v1 receive",
                "duration", "n/a"));
    assertThat(e.duration()).isNull();
    assertThat(e.outcome()).isNull();
    assertThat(EventWords.level(e)).isEqualTo("SPAN");
  }

  @Test
  void aLogKeepsItsLevelAndMessage() {
    FlowEvent e =
        read(
            "fulfilment-service",
            "logs-fulfilment-*",
            Map.of(
                "@timestamp",
                "2026-11-26T16:00:07.832Z",
                "labels",
                Map.of("message_id", "ord-1"),
                "log",
                Map.of("level", "ERROR"),
                "message",
                "ERP adapter pool exhausted"));
    assertThat(e.span()).isFalse();
    assertThat(e.duration()).isNull();
    assertThat(EventWords.level(e)).isEqualTo("ERROR");
    assertThat(EventWords.message(e)).isEqualTo("ERP adapter pool exhausted");
  }
}
