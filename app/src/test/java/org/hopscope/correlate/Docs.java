package org.hopscope.correlate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made documents in the sandbox's formats (see {@link OrdersPath}) for logic tests. */
final class Docs {

  static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  private final InMemoryEventSource es;
  private int n;

  Docs(InMemoryEventSource es) {
    this.es = es;
  }

  static Instant at(long millis) {
    return T0.plusMillis(millis);
  }

  String gateway(String id, String trace, long millis, int status) {
    return add(
        "gateway-access-2026.11.26",
        map(
            "@timestamp", at(millis).toString(),
            "x_correlation_id", id,
            "trace", map("id", trace),
            "http", map("response", map("status_code", status))));
  }

  String order(String id, String trace, long millis) {
    return add(
        "logs-order-service-2026.11.26",
        map("@timestamp", at(millis).toString(), "labels.message_id", id, "trace.id", trace));
  }

  String topic(String id, String trace, long millis, String operation) {
    return add(
        "otel-traces-orders-2026.11.26",
        map(
            "@timestamp", at(millis).toString(),
            "trace_id", trace,
            "attributes", map("messaging.message.id", id, "messaging.operation.type", operation)));
  }

  String fulfilment(String id, String trace, long millis, String action) {
    Map<String, Object> labels = map("message_id", id);
    if (action.equals("dead-lettered")) {
      labels.put("dlq_topic", "orders.v1.DLQ");
    }
    return add(
        "logs-fulfilment-2026.11.26",
        map(
            "@timestamp", at(millis).toString(),
            "labels", labels,
            "trace", map("id", trace),
            "event", map("action", action)));
  }

  String erp(String id, String trace, long millis, String documentNumber, int status) {
    List<Object> tags =
        documentNumber == null
            ? List.of(tag("message.id", id), tag("http.status_code", status))
            : List.of(
                tag("message.id", id),
                tag("erp.document_number", documentNumber),
                tag("http.status_code", status));
    return add(
        "jaeger-span-2026-11-26",
        map("traceID", trace, "startTime", at(millis).toEpochMilli() * 1_000, "tags", tags));
  }

  String confirmation(String documentNumber, long millis) {
    return add(
        "logs-erp-confirmation-2026.11.26",
        map(
            "@timestamp",
            at(millis).toString(),
            "labels",
            map("erp_document_number", documentNumber)));
  }

  /** A whole healthy journey: gateway at {@code start}, each hop 1 s later. */
  void journey(String id, String doc, long start) {
    gateway(id, "front-" + id, start, 202);
    order(id, "front-" + id, start + 1_000);
    topic(id, "front-" + id, start + 2_000, "publish");
    topic(id, "back-" + id, start + 3_000, "receive");
    fulfilment(id, "back-" + id, start + 3_000, "consumed");
    erp(id, "back-" + id, start + 4_000, doc, 200);
    confirmation(doc, start + 5_000);
  }

  String add(String index, Map<String, Object> doc) {
    String id = "d" + (++n);
    es.add(index, id, doc);
    return id;
  }

  private static Map<String, Object> tag(String key, Object value) {
    return map("key", key, "value", value);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
