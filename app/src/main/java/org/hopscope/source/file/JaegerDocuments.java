package org.hopscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.EventSourceDef;
import org.hopscope.source.Cancellation;

/**
 * Jaeger JSON (the UI's download and the query API's answer, {@code {"data":[{"traceID", "spans",
 * "processes"}]}}) as Jaeger's Elasticsearch span documents: {@code traceID}, {@code spanID},
 * {@code parentSpanID}, {@code flags}, {@code operationName}, {@code references}, {@code startTime}
 * (µs), {@code startTimeMillis}, {@code duration} (µs), {@code tags} and {@code logs} as {@code
 * [{key, type, value}]}, and {@code process: {serviceName, tags}} from the trace's {@code
 * processes}.
 */
final class JaegerDocuments {

  private JaegerDocuments() {}

  /** Whether {@code root} is Jaeger JSON: {@code data} a list of traces with spans. */
  static boolean is(JsonNode root) {
    JsonNode data = root.path("data");
    return data.isArray() && (data.isEmpty() || data.get(0).has("spans"));
  }

  static void read(JsonNode root, DocumentSink sink, Cancellation cancel) {
    JsonNode data = root.path("data");
    for (int t = 0; t < data.size(); t++) {
      cancel.check();
      JsonNode trace = data.get(t);
      String at = "/data/" + t;
      JsonNode processes = trace.path("processes");
      JsonNode spans = trace.path("spans");
      if (!spans.isArray()) {
        sink.problem(at + "/spans", "expected a list of spans: nothing read from this trace");
        continue;
      }
      for (int s = 0; s < spans.size(); s++) {
        Map<String, Object> doc = span(spans.get(s), trace, processes, at + "/spans/" + s, sink);
        if (doc != null) {
          sink.add(EventSourceDef.Kind.SPAN, doc);
        }
      }
    }
  }

  private static Map<String, Object> span(
      JsonNode span, JsonNode trace, JsonNode processes, String at, DocumentSink sink) {
    Long start =
        JsonValues.whole(
            span.path("startTime"),
            () -> sink.problem(at + "/startTime", "not a whole number of microseconds"));
    if (start == null || start <= 0) {
      sink.skip(at, "a span without startTime cannot be placed in time: left out");
      return null;
    }
    JsonNode traceNode = span.has("traceID") ? span.path("traceID") : trace.path("traceID");
    String traceId =
        JsonValues.id(traceNode, 16, () -> sink.problem(at + "/traceID", "expected hex"));
    String spanId =
        JsonValues.id(span.path("spanID"), 8, () -> sink.problem(at + "/spanID", "expected hex"));
    if (traceId == null || spanId == null) {
      sink.skip(at, "a span without traceID or spanID: left out");
      return null;
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("traceID", traceId);
    doc.put("spanID", spanId);
    List<Object> references = new ArrayList<>();
    String parent = null;
    JsonNode refs = span.path("references");
    for (int i = 0; i < refs.size(); i++) {
      JsonNode ref = refs.get(i);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("refType", JsonValues.text(ref.path("refType")));
      r.put("traceID", JsonValues.id(ref.path("traceID"), 16, () -> {}));
      r.put("spanID", JsonValues.id(ref.path("spanID"), 8, () -> {}));
      if (parent == null && "CHILD_OF".equals(r.get("refType"))) {
        parent = (String) r.get("spanID");
      }
      references.add(r);
    }
    String given = JsonValues.id(span.path("parentSpanID"), 8, () -> {});
    if (given != null || parent != null) {
      doc.put("parentSpanID", given != null ? given : parent);
    }
    Long flags = JsonValues.whole(span.path("flags"), () -> {});
    if (flags != null) {
      doc.put("flags", flags);
    }
    doc.put("operationName", JsonValues.text(span.path("operationName")));
    doc.put("references", references);
    doc.put("startTime", start);
    doc.put("startTimeMillis", Math.floorDiv(start, 1000L));
    Long duration =
        JsonValues.whole(
            span.path("duration"), () -> sink.problem(at + "/duration", "not a whole number"));
    if (duration != null) {
      doc.put("duration", duration); // unknown stays unknown, never a 0 µs span
    }
    doc.put("tags", keyValues(span.path("tags"), at + "/tags", sink));
    List<Object> logs = new ArrayList<>();
    JsonNode spanLogs = span.path("logs");
    for (int i = 0; i < spanLogs.size(); i++) {
      Map<String, Object> log = new LinkedHashMap<>();
      log.put("timestamp", JsonValues.whole(spanLogs.get(i).path("timestamp"), () -> {}));
      log.put("fields", keyValues(spanLogs.get(i).path("fields"), at + "/logs/" + i, sink));
      logs.add(log);
    }
    doc.put("logs", logs);
    doc.put("process", process(span, processes, at, sink));
    return doc;
  }

  private static Map<String, Object> process(
      JsonNode span, JsonNode processes, String at, DocumentSink sink) {
    JsonNode process = span.path("process");
    if (process.isMissingNode()) {
      String id = JsonValues.text(span.path("processID"));
      process = id == null ? process : processes.path(id);
      if (process.isMissingNode()) {
        sink.problem(
            at + "/processID",
            id == null
                ? "no processID: the span's service is unknown"
                : "process '" + id + "' is not in the trace's processes: its service is unknown");
        return Map.of();
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("serviceName", JsonValues.text(process.path("serviceName")));
    out.put("tags", keyValues(process.path("tags"), at + "/process/tags", sink));
    return out;
  }

  /** {@code [{key, type, value}]} kept as it is; elements without a key are left out. */
  private static List<Object> keyValues(JsonNode list, String at, DocumentSink sink) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode kv = list.get(i);
      if (!kv.isObject() || JsonValues.text(kv.path("key")) == null) {
        sink.problem(at + "/" + i, "expected {key, type, value}: left out");
        continue;
      }
      out.add(JsonValues.map(kv));
    }
    return out;
  }
}
