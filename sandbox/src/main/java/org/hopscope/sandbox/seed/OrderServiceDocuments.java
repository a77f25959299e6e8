package org.hopscope.sandbox.seed;

import org.hopscope.sandbox.seed.Journey.Attempt;

/**
 * The order-service: Elastic-APM-like transaction and span documents, plus ecs-logging lines
 * written with dotted top-level keys as the ecs-logging libraries do.
 */
final class OrderServiceDocuments {

  private OrderServiceDocuments() {}

  static void write(Journey j, HostSkews skews, DocumentSink sink) {
    Attempt a = j.visit(OrdersHop.ORDER_SERVICE).attempts().get(0);
    Attempt publish = j.visit(OrdersHop.ORDERS_TOPIC).attempts().get(0);
    long start = skews.observed(OrdersHop.ORDER_SERVICE, a.start());
    long sendStart = skews.observed(OrdersHop.ORDER_SERVICE, publish.start());
    long end = start + a.durationMillis();
    String transactionId = SpanIds.derive(j.frontTraceId(), SpanIds.APM_TRANSACTION);

    JsonOut d = sink.begin(IndexFamily.ORDER_SERVICE_APM, start);
    d.time("@timestamp", start);
    d.object("processor").str("event", "transaction").end();
    common(d, j);
    d.object("transaction")
        .str("id", transactionId)
        .str("name", "POST /orders")
        .str("type", "request")
        .str("result", "HTTP 2xx")
        .object("duration")
        .num("us", a.durationMillis() * 1_000L)
        .end()
        .end();
    sink.end();

    log(sink, j, start + 1, transactionId, "order accepted");

    d = sink.begin(IndexFamily.ORDER_SERVICE_APM, sendStart);
    d.time("@timestamp", sendStart);
    d.object("processor").str("event", "span").end();
    common(d, j);
    d.object("transaction").str("id", transactionId).end();
    d.object("parent").str("id", transactionId).end();
    d.object("span")
        .str("id", SpanIds.derive(j.frontTraceId(), SpanIds.APM_SEND_SPAN))
        .str("name", "Kafka SEND to orders.v1")
        .str("type", "messaging")
        .str("subtype", "kafka")
        .str("action", "send")
        .object("duration")
        .num("us", (end - 1 - sendStart) * 1_000L)
        .end()
        .object("destination")
        .object("service")
        .str("resource", "kafka/orders.v1")
        .end()
        .end()
        .end();
    sink.end();

    log(
        sink,
        j,
        end - 1,
        transactionId,
        "published to orders.v1 partition " + j.partition() + " offset " + j.offset());
  }

  private static void common(JsonOut d, Journey j) {
    d.object("service").str("name", "order-service").end();
    d.object("trace").str("id", j.frontTraceId()).end();
    d.object("labels").str("message_id", j.messageId()).end();
    d.object("event").str("outcome", "success").end();
  }

  private static void log(
      DocumentSink sink, Journey j, long at, String transactionId, String message) {
    JsonOut d = sink.begin(IndexFamily.ORDER_SERVICE_LOGS, at);
    d.time("@timestamp", at);
    d.str("log.level", "INFO");
    d.str("message", message);
    d.str("ecs.version", "1.2.0");
    d.str("service.name", "order-service");
    d.str("log.logger", "com.acme.orders.OrderController");
    d.str("trace.id", j.frontTraceId());
    d.str("transaction.id", transactionId);
    d.str("labels.message_id", j.messageId());
    sink.end();
  }
}
