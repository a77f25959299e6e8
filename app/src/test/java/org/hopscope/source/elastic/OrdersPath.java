package org.hopscope.source.elastic;

import java.time.Duration;
import java.util.List;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.EventSourceDef.Kind;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimestampFormat;

/**
 * Test fixture: the {@code orders} path as queries/orders.yaml defines it (hops, sources, field
 * maps, conditions), without panels. Kept by hand until the path loader exists.
 */
final class OrdersPath {

  private OrdersPath() {}

  static FieldPath f(String path) {
    return FieldPath.parse(path);
  }

  static Condition in(String field, String... values) {
    return new Condition(f(field), Condition.Op.IN, List.of(values));
  }

  static Condition atLeast(String field, String bound) {
    return new Condition(f(field), Condition.Op.AT_LEAST, List.of(bound));
  }

  static Condition exists(String field) {
    return new Condition(f(field), Condition.Op.EXISTS, List.of());
  }

  static FieldMap fields(
      String timestamp,
      TimestampFormat format,
      String messageId,
      String traceId,
      List<Condition> failure,
      List<Condition> deadLetter,
      List<Condition> attemptStart) {
    return new FieldMap(
        f(timestamp),
        format,
        List.of(f(messageId)),
        traceId == null ? null : f(traceId),
        null,
        null,
        null,
        null,
        null,
        failure,
        deadLetter,
        attemptStart);
  }

  static final EventSourceDef GATEWAY =
      new EventSourceDef(
          "gateway-access-*",
          Kind.LOG,
          fields(
              "@timestamp",
              TimestampFormat.ISO,
              "x_correlation_id",
              "trace.id",
              List.of(atLeast("http.response.status_code", "400")),
              List.of(),
              List.of()));
  static final EventSourceDef ORDER_APM =
      new EventSourceDef(
          "apm-order-service-*",
          Kind.SPAN,
          fields(
              "@timestamp",
              TimestampFormat.ISO,
              "labels.message_id",
              "trace.id",
              List.of(in("event.outcome", "failure")),
              List.of(),
              List.of(in("processor.event", "transaction"))));
  static final EventSourceDef ORDER_LOGS =
      new EventSourceDef(
          "logs-order-service-*",
          Kind.LOG,
          fields(
              "@timestamp",
              TimestampFormat.ISO,
              "labels.message_id",
              "trace.id",
              List.of(in("log.level", "ERROR")),
              List.of(),
              List.of()));
  static final EventSourceDef TOPIC =
      new EventSourceDef(
          "otel-traces-orders-*",
          Kind.SPAN,
          fields(
              "@timestamp",
              TimestampFormat.ISO,
              "attributes.messaging.message.id",
              "trace_id",
              List.of(in("status.code", "Error")),
              List.of(),
              List.of(in("attributes.messaging.operation.type", "receive"))));
  static final EventSourceDef FULFILMENT =
      new EventSourceDef(
          "logs-fulfilment-*",
          Kind.LOG,
          fields(
              "@timestamp",
              TimestampFormat.ISO,
              "labels.message_id",
              "trace.id",
              List.of(in("event.action", "erp-rejected")),
              List.of(exists("labels.dlq_topic")),
              List.of(in("event.action", "consumed", "erp-call-retry"))));
  static final EventSourceDef ERP_ADAPTER =
      new EventSourceDef(
          "jaeger-span-*",
          Kind.SPAN,
          fields(
              "startTime",
              TimestampFormat.EPOCH_MICROS,
              "tags[key=message.id].value",
              "traceID",
              List.of(in("tags[key=http.status_code].value", "500")),
              List.of(),
              List.of()));
  static final EventSourceDef CONFIRMATION =
      new EventSourceDef(
          "logs-erp-confirmation-*",
          Kind.LOG,
          fields(
              "@timestamp",
              TimestampFormat.ISO,
              "labels.erp_document_number",
              null,
              List.of(),
              List.of(),
              List.of()));

  static final PathDef PATH =
      new PathDef(
          "orders",
          "orders path (test fixture mirroring queries/orders.yaml)",
          List.of(
              hop("api-gateway", Duration.ofSeconds(5), GATEWAY),
              hop("order-service", Duration.ofSeconds(10), ORDER_APM, ORDER_LOGS),
              hop("orders.v1", Duration.ofMinutes(5), TOPIC),
              hop("fulfilment-service", Duration.ofMinutes(2), FULFILMENT),
              hop("erp-adapter", Duration.ofMinutes(10), ERP_ADAPTER),
              hop("erp-confirmation", null, CONFIRMATION)),
          List.of(
              new IdLink(
                  "erp-adapter",
                  f("tags[key=erp.document_number].value"),
                  "erp-confirmation",
                  f("labels.erp_document_number"))),
          null);

  private static Hop hop(String name, Duration sla, EventSourceDef... sources) {
    return new Hop(name, "test", name, List.of(sources), sla, List.of());
  }
}
