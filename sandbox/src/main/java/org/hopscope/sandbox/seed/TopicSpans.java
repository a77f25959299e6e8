package org.hopscope.sandbox.seed;

import java.util.List;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;

/**
 * The orders.v1 topic as OpenTelemetry-native span documents (collector elasticsearch exporter,
 * otel mapping): one producer span in the front trace, one consumer span per delivery in the back
 * trace. About 30% of the consumer spans link back to the producer span.
 */
final class TopicSpans {

  private TopicSpans() {}

  static void write(Journey j, HostSkews skews, DocumentSink sink) {
    List<Attempt> deliveries = j.visit(OrdersHop.ORDERS_TOPIC).attempts();
    long publish = skews.observed(OrdersHop.ORDERS_TOPIC, deliveries.get(0).start());
    String producerId = SpanIds.derive(j.frontTraceId(), SpanIds.PRODUCER_SPAN);
    JsonOut d = sink.begin(IndexFamily.ORDERS_TOPIC_SPANS, publish);
    d.time("@timestamp", publish);
    d.str("trace_id", j.frontTraceId());
    d.str("span_id", producerId);
    d.str("parent_span_id", SpanIds.derive(j.frontTraceId(), SpanIds.APM_SEND_SPAN));
    d.str("name", "orders.v1 publish");
    d.str("kind", "Producer");
    d.num("duration", 1_000_000L + Math.floorMod(j.offset(), 900_000L));
    attributes(d, j, "send", null);
    d.array("links").end();
    d.object("status").str("code", "Ok").end();
    resource(d, "order-service");
    sink.end();

    for (int n = 1; n <= deliveries.size(); n++) {
      Attempt delivery = deliveries.get(n - 1);
      if (delivery.outcome() == Outcome.PENDING) {
        continue;
      }
      long consumed = skews.observed(OrdersHop.ORDERS_TOPIC, delivery.end());
      d = sink.begin(IndexFamily.ORDERS_TOPIC_SPANS, consumed);
      d.time("@timestamp", consumed);
      d.str("trace_id", j.backTraceId());
      d.str("span_id", SpanIds.derive(j.backTraceId(), SpanIds.CONSUMER_SPAN + n));
      d.str("name", "orders.v1 receive");
      d.str("kind", "Consumer");
      d.num("duration", 400_000L + Math.floorMod(j.offset() * n, 1_600_000L));
      attributes(d, j, "receive", "fulfilment");
      d.array("links");
      if (SpanIds.linked(j.backTraceId())) {
        d.object(null).str("trace_id", j.frontTraceId()).str("span_id", producerId).end();
      }
      d.end();
      d.object("status").str("code", "Ok").end();
      resource(d, "fulfilment-service");
      sink.end();
    }
  }

  private static void attributes(JsonOut d, Journey j, String operation, String group) {
    d.object("attributes")
        .str("messaging.system", "kafka")
        .str("messaging.operation.type", operation)
        .str("messaging.destination.name", "orders.v1")
        .str("messaging.message.id", j.messageId())
        .str("messaging.destination.partition.id", Integer.toString(j.partition()))
        .num("messaging.kafka.offset", j.offset());
    if (group != null) {
      d.str("messaging.consumer.group.name", group);
    }
    d.end();
  }

  private static void resource(JsonOut d, String service) {
    d.object("resource").object("attributes").str("service.name", service).end().end();
    d.object("scope").str("name", "io.opentelemetry.kafka-clients-2.6").end();
  }
}
