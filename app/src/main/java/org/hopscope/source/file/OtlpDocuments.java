package org.hopscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.EventSourceDef;
import org.hopscope.source.Cancellation;

/**
 * OTLP JSON ({@code ExportTraceServiceRequest}, {@code ExportLogsServiceRequest}) as the documents
 * the Collector's Elasticsearch exporter writes in mapping mode {@code otel}: per span {@code
 * @timestamp} (ISO-8601, nanoseconds), {@code trace_id}, {@code span_id}, {@code parent_span_id},
 * {@code name}, {@code kind}, {@code duration} (ns), {@code attributes}, {@code links}, {@code
 * status}, {@code resource.attributes}, {@code scope}; per log record {@code @timestamp}, {@code
 * severity_text}, {@code severity_number}, {@code body.text}, {@code trace_id}, {@code span_id},
 * {@code event_name} and the same attributes. Field names in lowerCamelCase or snake_case, and the
 * older {@code instrumentationLibrarySpans}, are read.
 */
final class OtlpDocuments {

  private OtlpDocuments() {}

  /** Whether {@code root} is an OTLP traces or logs object. */
  static boolean is(JsonNode root) {
    return root.isObject()
        && (!JsonValues.field(root, "resourceSpans", "resource_spans").isMissingNode()
            || !JsonValues.field(root, "resourceLogs", "resource_logs").isMissingNode());
  }

  static void read(JsonNode root, DocumentSink sink, Cancellation cancel) {
    JsonNode spans = JsonValues.field(root, "resourceSpans", "resource_spans");
    if (!spans.isMissingNode()) {
      resources(spans, "/resourceSpans", true, sink, cancel);
    }
    JsonNode logs = JsonValues.field(root, "resourceLogs", "resource_logs");
    if (!logs.isMissingNode()) {
      resources(logs, "/resourceLogs", false, sink, cancel);
    }
  }

  private static void resources(
      JsonNode list, String at, boolean spans, DocumentSink sink, Cancellation cancel) {
    if (!list.isArray()) {
      sink.problem(at, "expected a list, found " + list.getNodeType() + ": nothing read from it");
      return;
    }
    for (int r = 0; r < list.size(); r++) {
      cancel.check();
      JsonNode res = list.get(r);
      String p = at + "/" + r;
      Map<String, Object> resource = new LinkedHashMap<>();
      Map<String, Object> attrs =
          OtlpValues.attributes(
              res.path("resource").path("attributes"), p + "/resource/attributes", sink);
      resource.put("attributes", attrs == null ? Map.of() : attrs);
      JsonNode scopes =
          spans
              ? JsonValues.field(res, "scopeSpans", "scope_spans", "instrumentationLibrarySpans")
              : JsonValues.field(res, "scopeLogs", "scope_logs", "instrumentationLibraryLogs");
      String scopesAt = p + (spans ? "/scopeSpans" : "/scopeLogs");
      for (int s = 0; s < scopes.size(); s++) {
        JsonNode scope = scopes.get(s);
        Map<String, Object> scopeDoc = scope(scope, scopesAt + "/" + s, sink);
        JsonNode items =
            spans ? scope.path("spans") : JsonValues.field(scope, "logRecords", "log_records");
        String itemsAt = scopesAt + "/" + s + (spans ? "/spans" : "/logRecords");
        for (int i = 0; i < items.size(); i++) {
          Map<String, Object> doc =
              spans
                  ? span(items.get(i), itemsAt + "/" + i, sink)
                  : log(items.get(i), itemsAt + "/" + i, sink);
          if (doc != null) {
            doc.put("resource", resource);
            doc.put("scope", scopeDoc);
            sink.add(spans ? EventSourceDef.Kind.SPAN : EventSourceDef.Kind.LOG, doc);
          }
        }
      }
    }
  }

  private static Map<String, Object> scope(JsonNode scope, String at, DocumentSink sink) {
    JsonNode s = JsonValues.field(scope, "scope", "instrumentationLibrary");
    Map<String, Object> out = new LinkedHashMap<>();
    putText(out, "name", s.path("name"));
    putText(out, "version", s.path("version"));
    Map<String, Object> attrs =
        OtlpValues.attributes(s.get("attributes"), at + "/scope/attributes", sink);
    if (attrs != null && !attrs.isEmpty()) {
      out.put("attributes", attrs);
    }
    return out;
  }

  private static Map<String, Object> span(JsonNode span, String at, DocumentSink sink) {
    Long start =
        JsonValues.whole(
            JsonValues.field(span, "startTimeUnixNano", "start_time_unix_nano"),
            () -> sink.problem(at + "/startTimeUnixNano", "not a whole number of nanoseconds"));
    if (start == null || start <= 0) {
      sink.skip(at, "a span without startTimeUnixNano cannot be placed in time: left out");
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@timestamp", JsonValues.ofNanos(start).toString());
    ids(span, at, doc, sink);
    String parent =
        JsonValues.id(
            JsonValues.field(span, "parentSpanId", "parent_span_id"),
            8,
            () -> sink.problem(at + "/parentSpanId", "expected 8 bytes as hex or base64"));
    if (parent != null) {
      doc.put("parent_span_id", parent);
    }
    putText(doc, "name", span.path("name"));
    String kind = OtlpValues.kind(span.get("kind"), at + "/kind", sink);
    if (kind != null) {
      doc.put("kind", kind);
    }
    Long end =
        JsonValues.whole(
            JsonValues.field(span, "endTimeUnixNano", "end_time_unix_nano"),
            () -> sink.problem(at + "/endTimeUnixNano", "not a whole number of nanoseconds"));
    if (end != null && end >= start) {
      doc.put("duration", end - start);
    } else if (end != null) {
      sink.problem(at + "/endTimeUnixNano", "ends before it starts: no duration");
    }
    putAttributes(doc, span, at, sink);
    doc.put("links", links(span.path("links"), at + "/links", sink));
    JsonNode status = span.path("status");
    Map<String, Object> st = new LinkedHashMap<>();
    String code = OtlpValues.status(status.get("code"), at + "/status/code", sink);
    st.put("code", code == null ? "Unset" : code);
    putText(st, "message", status.path("message"));
    doc.put("status", st);
    return doc;
  }

  private static Map<String, Object> log(JsonNode log, String at, DocumentSink sink) {
    Runnable bad = () -> sink.problem(at + "/timeUnixNano", "not a whole number of nanoseconds");
    Long time = JsonValues.whole(JsonValues.field(log, "timeUnixNano", "time_unix_nano"), bad);
    Long observed =
        JsonValues.whole(
            JsonValues.field(log, "observedTimeUnixNano", "observed_time_unix_nano"), bad);
    Long when = time != null && time > 0 ? time : observed;
    if (when == null || when <= 0) {
      sink.skip(at, "a log record without timeUnixNano or observedTimeUnixNano: left out");
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("@timestamp", JsonValues.ofNanos(when).toString());
    if (observed != null && observed > 0) {
      doc.put("observed_timestamp", JsonValues.ofNanos(observed).toString());
    }
    putText(doc, "severity_text", JsonValues.field(log, "severityText", "severity_text"));
    Long severity =
        JsonValues.whole(
            JsonValues.field(log, "severityNumber", "severity_number"),
            () -> sink.problem(at + "/severityNumber", "not a number: left out"));
    if (severity != null) {
      doc.put("severity_number", severity);
    }
    ids(log, at, doc, sink);
    putText(doc, "event_name", JsonValues.field(log, "eventName", "event_name"));
    putAttributes(doc, log, at, sink);
    Object body = OtlpValues.any(log.get("body"), at + "/body", sink);
    if (body instanceof String text) {
      doc.put("body", Map.of("text", text));
    } else if (body != null) {
      doc.put("body", Map.of("structured", body));
    }
    return doc;
  }

  private static void ids(JsonNode item, String at, Map<String, Object> doc, DocumentSink sink) {
    String trace =
        JsonValues.id(
            JsonValues.field(item, "traceId", "trace_id"),
            16,
            () -> sink.problem(at + "/traceId", "expected 16 bytes as hex or base64"));
    String span =
        JsonValues.id(
            JsonValues.field(item, "spanId", "span_id"),
            8,
            () -> sink.problem(at + "/spanId", "expected 8 bytes as hex or base64"));
    if (trace != null) {
      doc.put("trace_id", trace);
    }
    if (span != null) {
      doc.put("span_id", span);
    }
  }

  private static void putAttributes(
      Map<String, Object> doc, JsonNode item, String at, DocumentSink sink) {
    Map<String, Object> attrs =
        OtlpValues.attributes(item.get("attributes"), at + "/attributes", sink);
    doc.put("attributes", attrs == null ? Map.of() : attrs);
  }

  private static List<Object> links(JsonNode links, String at, DocumentSink sink) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < links.size(); i++) {
      Map<String, Object> link = new LinkedHashMap<>();
      ids(links.get(i), at + "/" + i, link, sink);
      Map<String, Object> attrs =
          OtlpValues.attributes(links.get(i).get("attributes"), at + "/" + i + "/attributes", sink);
      if (attrs != null && !attrs.isEmpty()) {
        link.put("attributes", attrs);
      }
      out.add(link);
    }
    return out;
  }

  private static void putText(Map<String, Object> doc, String name, JsonNode node) {
    String s = JsonValues.text(node);
    if (s != null) {
      doc.put(name, s);
    }
  }
}
