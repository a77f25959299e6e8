package org.hopscope.sandbox.seed;

import java.util.List;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;

/**
 * The erp-adapter in Jaeger's Elasticsearch span format: one span per SOAP call attempt, times in
 * microseconds, typed tags as a nested key/type/value array, an error log event on faults. The
 * successful call carries the re-key: {@code message.id} and the new {@code erp.document_number}.
 */
final class ErpAdapterSpans {

  private ErpAdapterSpans() {}

  static void write(Journey j, HostSkews skews, DocumentSink sink) {
    List<Attempt> calls = j.visit(OrdersHop.ERP_ADAPTER).attempts();
    String parent = SpanIds.derive(j.backTraceId(), SpanIds.CONSUMER_SPAN + 1);
    for (int n = 1; n <= calls.size(); n++) {
      Attempt call = calls.get(n - 1);
      long start = skews.observed(OrdersHop.ERP_ADAPTER, call.start());
      boolean ok = call.outcome() == Outcome.SUCCESS;
      JsonOut d = sink.begin(IndexFamily.ERP_ADAPTER_SPANS, start);
      d.str("traceID", j.backTraceId());
      d.str("spanID", SpanIds.derive(j.backTraceId(), SpanIds.ERP_SPAN + n));
      d.str("parentSpanID", parent);
      d.num("flags", 1);
      d.str("operationName", "SOAP CreateSalesOrder");
      d.array("references")
          .object(null)
          .str("refType", "CHILD_OF")
          .str("traceID", j.backTraceId())
          .str("spanID", parent)
          .end()
          .end();
      d.num("startTime", start * 1_000L);
      d.num("startTimeMillis", start);
      d.num("duration", call.durationMillis() * 1_000L);
      d.array("tags");
      tag(d, "span.kind", "client");
      tag(d, "message.id", j.messageId());
      if (ok) {
        tag(d, "erp.document_number", j.erpDocumentNumber());
        tag(d, "http.status_code", 200);
      } else {
        if (call.outcome() == Outcome.FAILURE) {
          tag(d, "http.status_code", 500);
        }
        d.object(null).str("key", "error").str("type", "bool").bool("value", true).end();
        tag(d, "otel.status_description", call.detail());
      }
      d.end();
      d.array("logs");
      if (!ok) {
        long at = (start + call.durationMillis()) * 1_000L;
        d.object(null).num("timestamp", at).array("fields");
        tag(d, "event", "error");
        tag(
            d,
            "error.kind",
            call.outcome() == Outcome.FAILURE
                ? "com.acme.erp.SoapFaultException"
                : "java.net.SocketTimeoutException");
        tag(d, "message", call.detail());
        d.end().end();
      }
      d.end();
      d.object("process").str("serviceName", "erp-adapter").array("tags");
      tag(d, "hostname", "erp-adapter-5c8d7");
      d.end().end();
      sink.end();
    }
  }

  private static void tag(JsonOut d, String key, String value) {
    d.object(null).str("key", key).str("type", "string").str("value", value).end();
  }

  private static void tag(JsonOut d, String key, long value) {
    d.object(null).str("key", key).str("type", "int64").num("value", value).end();
  }
}
