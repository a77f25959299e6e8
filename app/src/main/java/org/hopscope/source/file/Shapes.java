package org.hopscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import org.hopscope.source.Cancellation;

/** Which format a JSON value is, by its shape, and reading it so. Pure. */
final class Shapes {

  private Shapes() {}

  /** The format of a whole-file value, or null when it has no known shape. */
  static TraceFormat of(JsonNode root) {
    if (OtlpDocuments.is(root)) {
      return TraceFormat.OTLP;
    }
    if (root.isObject() && JaegerDocuments.is(root)) {
      return TraceFormat.JAEGER;
    }
    if (ZipkinDocuments.is(root)) {
      return TraceFormat.ZIPKIN;
    }
    if (searchHits(root) != null || (root.isArray() && root.path(0).has("_source"))) {
      return TraceFormat.NDJSON;
    }
    return null;
  }

  /** Reads {@code root} as {@code format} into {@code sink}. */
  static void read(TraceFormat format, JsonNode root, DocumentSink sink, Cancellation cancel) {
    switch (format) {
      case OTLP -> OtlpDocuments.read(root, sink, cancel);
      case JAEGER -> JaegerDocuments.read(root, sink, cancel);
      case ZIPKIN -> ZipkinDocuments.read(root, sink, cancel);
      case NDJSON -> {
        JsonNode hits = searchHits(root);
        JsonNode list = hits != null ? hits : root;
        for (int i = 0; i < list.size(); i++) {
          if (i % 1000 == 0) {
            cancel.check();
          }
          document(list.get(i), "/" + i, null, sink);
        }
      }
    }
  }

  /**
   * One exported document: an Elasticsearch hit's {@code _source} with its {@code _index} and
   * {@code _id}, else the object itself; {@code action} is a preceding bulk action line's target,
   * or null.
   */
  static void document(JsonNode node, String at, JsonNode action, DocumentSink sink) {
    if (!node.isObject()) {
      sink.skip(at, "expected a JSON object, found " + node.getNodeType() + ": left out");
      return;
    }
    JsonNode source = node.get("_source");
    if (source != null && source.isObject()) {
      sink.addExported(
          JsonValues.text(node.path("_index")),
          JsonValues.text(node.path("_id")),
          JsonValues.map(source));
    } else if (action != null) {
      sink.addExported(
          JsonValues.text(action.path("_index")),
          JsonValues.text(action.path("_id")),
          JsonValues.map(node));
    } else {
      sink.addExported(null, null, JsonValues.map(node));
    }
  }

  /** A bulk request's action line ({@code {"index": {"_index": ...}}}): its target, else null. */
  static JsonNode bulkAction(JsonNode node) {
    if (node.size() != 1) {
      return null;
    }
    String name = node.fieldNames().next();
    JsonNode target = node.get(name);
    return (name.equals("index") || name.equals("create"))
            && target.isObject()
            && (target.has("_index") || target.has("_id") || target.isEmpty())
        ? target
        : null;
  }

  /** The hits of a saved search answer ({@code {"hits": {"hits": [...]}}}), else null. */
  static JsonNode searchHits(JsonNode root) {
    JsonNode hits = root.path("hits").path("hits");
    return root.isObject() && hits.isArray() ? hits : null;
  }

  /** What {@code root} looks like, for the refusal of an unknown shape. */
  static String describe(JsonNode root) {
    if (root.isArray()) {
      return root.isEmpty()
          ? "an empty JSON array"
          : "a JSON array of "
              + root.get(0).getNodeType().toString().toLowerCase()
              + (root.get(0).isObject() ? "s with fields " + names(root.get(0)) : "s");
    }
    if (root.isObject()) {
      return "a JSON object with fields " + names(root);
    }
    return "a single JSON " + root.getNodeType().toString().toLowerCase();
  }

  private static String names(JsonNode object) {
    StringBuilder out = new StringBuilder("[");
    Iterator<String> names = object.fieldNames();
    for (int i = 0; names.hasNext() && i < 5; i++) {
      out.append(i > 0 ? ", " : "").append(names.next());
    }
    return out.append(names.hasNext() ? ", ...]" : "]").toString();
  }
}
