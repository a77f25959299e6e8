package org.hopscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import org.hopscope.model.EventSourceDef;
import org.hopscope.source.Cancellation;

/**
 * A Zipkin v2 JSON array of spans as Zipkin's Elasticsearch span documents: the span as it is (IDs
 * lowercased, as Zipkin stores them) plus {@code timestamp_millis} (epoch milliseconds).
 */
final class ZipkinDocuments {

  private ZipkinDocuments() {}

  /** Whether {@code root} is an array of Zipkin v2 spans (its first element has traceId and id). */
  static boolean is(JsonNode root) {
    return root.isArray()
        && (root.isEmpty() || (root.get(0).has("traceId") && root.get(0).has("id")));
  }

  static void read(JsonNode root, DocumentSink sink, Cancellation cancel) {
    for (int i = 0; i < root.size(); i++) {
      if (i % 1000 == 0) {
        cancel.check();
      }
      JsonNode span = root.get(i);
      String at = "/" + i;
      if (!span.isObject()) {
        sink.skip(at, "expected a span object, found " + span.getNodeType() + ": left out");
        continue;
      }
      String traceId = JsonValues.text(span.path("traceId"));
      String id = JsonValues.text(span.path("id"));
      if (traceId == null || id == null) {
        sink.skip(at, "a span without traceId or id: left out");
        continue;
      }
      Long timestamp =
          JsonValues.whole(
              span.path("timestamp"),
              () -> sink.problem(at + "/timestamp", "not a whole number of microseconds"));
      if (timestamp == null || timestamp <= 0) {
        sink.skip(at, "a span without timestamp cannot be placed in time: left out");
        continue;
      }
      Map<String, Object> doc = JsonValues.map(span);
      doc.put("traceId", traceId.toLowerCase(Locale.ROOT));
      doc.put("id", id.toLowerCase(Locale.ROOT));
      String parent = JsonValues.text(span.path("parentId"));
      if (parent != null) {
        doc.put("parentId", parent.toLowerCase(Locale.ROOT));
      }
      doc.put("timestamp", timestamp);
      doc.put("timestamp_millis", Math.floorDiv(timestamp, 1000L));
      sink.add(EventSourceDef.Kind.SPAN, doc);
    }
  }
}
