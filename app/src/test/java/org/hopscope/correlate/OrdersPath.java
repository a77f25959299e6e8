package org.hopscope.correlate;

import java.time.Duration;
import java.util.List;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.EventSourceDef.Kind;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PanelDef;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimestampFormat;

/**
 * The sandbox's {@code orders} path as queries/orders.yaml defines it, built in code so the engine
 * tests do not depend on the path-definition reader (the lead may switch them to it).
 */
final class OrdersPath {

  private OrdersPath() {}

  static PathDef path() {
    return new PathDef(
        "orders",
        "sandbox orders path",
        List.of(
            hop(
                "api-gateway",
                Duration.ofSeconds(5),
                source(
                    "gateway-access-*",
                    Kind.LOG,
                    "@timestamp",
                    TimestampFormat.ISO,
                    "x_correlation_id",
                    "trace.id",
                    null,
                    List.of(cond("http.response.status_code", Condition.Op.AT_LEAST, "400")),
                    List.of(),
                    List.of())),
            hop(
                "order-service",
                Duration.ofSeconds(10),
                source(
                    "apm-order-service-*",
                    Kind.SPAN,
                    "@timestamp",
                    TimestampFormat.ISO,
                    "labels.message_id",
                    "trace.id",
                    null,
                    List.of(cond("event.outcome", Condition.Op.IN, "failure")),
                    List.of(),
                    List.of(cond("processor.event", Condition.Op.IN, "transaction"))),
                source(
                    "logs-order-service-*",
                    Kind.LOG,
                    "@timestamp",
                    TimestampFormat.ISO,
                    "labels.message_id",
                    "trace.id",
                    null,
                    List.of(cond("log.level", Condition.Op.IN, "ERROR")),
                    List.of(),
                    List.of())),
            hop(
                "orders.v1",
                Duration.ofMinutes(5),
                source(
                    "otel-traces-orders-*",
                    Kind.SPAN,
                    "@timestamp",
                    TimestampFormat.ISO,
                    "attributes.messaging.message.id",
                    "trace_id",
                    null,
                    List.of(cond("status.code", Condition.Op.IN, "Error")),
                    List.of(),
                    List.of(
                        cond("attributes.messaging.operation.type", Condition.Op.IN, "receive")))),
            hop(
                "fulfilment-service",
                Duration.ofMinutes(2),
                source(
                    "logs-fulfilment-*",
                    Kind.LOG,
                    "@timestamp",
                    TimestampFormat.ISO,
                    "labels.message_id",
                    "trace.id",
                    "labels.attempt",
                    List.of(cond("event.action", Condition.Op.IN, "erp-rejected")),
                    List.of(
                        new Condition(
                            FieldPath.parse("labels.dlq_topic"), Condition.Op.EXISTS, List.of())),
                    List.of(cond("event.action", Condition.Op.IN, "consumed", "erp-call-retry")))),
            hop(
                "erp-adapter",
                Duration.ofMinutes(10),
                source(
                    "jaeger-span-*",
                    Kind.SPAN,
                    "startTime",
                    TimestampFormat.EPOCH_MICROS,
                    "tags[key=message.id].value",
                    "traceID",
                    null,
                    List.of(cond("tags[key=http.status_code].value", Condition.Op.IN, "500")),
                    List.of(),
                    List.of())),
            hop(
                "erp-confirmation",
                null,
                source(
                    "logs-erp-confirmation-*",
                    Kind.LOG,
                    "@timestamp",
                    TimestampFormat.ISO,
                    "labels.erp_document_number",
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of()))),
        List.of(
            new IdLink(
                "erp-adapter",
                FieldPath.parse("tags[key=erp.document_number].value"),
                "erp-confirmation",
                FieldPath.parse("labels.erp_document_number"))),
        null);
  }

  private static Hop hop(String name, Duration sla, EventSourceDef... sources) {
    return new Hop(
        name,
        "test",
        name,
        List.of(sources),
        sla,
        List.of(new PanelDef(name + " rate", "rate(x_total{service=\"$service\"}[$rate])", "1/s")));
  }

  private static Condition cond(String field, Condition.Op op, String... values) {
    return new Condition(FieldPath.parse(field), op, List.of(values));
  }

  private static EventSourceDef source(
      String index,
      Kind kind,
      String timestamp,
      TimestampFormat format,
      String messageId,
      String traceId,
      String attempt,
      List<Condition> failure,
      List<Condition> deadLetter,
      List<Condition> attemptStart) {
    return new EventSourceDef(
        index,
        kind,
        new FieldMap(
            FieldPath.parse(timestamp),
            format,
            List.of(FieldPath.parse(messageId)),
            traceId == null ? null : FieldPath.parse(traceId),
            null,
            FieldPath.parse("log.level"),
            FieldPath.parse("message"),
            FieldPath.parse("service.name"),
            attempt == null ? null : FieldPath.parse(attempt),
            failure,
            deadLetter,
            attemptStart));
  }
}
