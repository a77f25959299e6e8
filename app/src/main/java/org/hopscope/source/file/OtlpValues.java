package org.hopscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * OTLP JSON's typed values ({@code AnyValue}, {@code KeyValue} lists, span kinds, status codes) as
 * the Collector's Elasticsearch exporter (mapping mode {@code otel}) stores them: attributes as an
 * object of plain values, kinds as {@code Server}, status codes as {@code Ok}. Lenient where
 * writers differ (ints as strings, enums as names or numbers); every problem goes to the sink.
 */
final class OtlpValues {

  private static final List<String> KINDS =
      List.of("Unspecified", "Internal", "Server", "Client", "Producer", "Consumer");
  private static final List<String> STATUS = List.of("Unset", "Ok", "Error");

  private OtlpValues() {}

  /** A {@code KeyValue} list as an object; {@code null} when absent. */
  static Map<String, Object> attributes(JsonNode list, String pointer, DocumentSink sink) {
    if (list == null || list.isMissingNode() || list.isNull()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (list.isObject()) {
      sink.problem(pointer, "attributes as an object, expected a list of {key, value}; read as is");
      return JsonValues.map(list);
    }
    if (!list.isArray()) {
      sink.problem(pointer, "expected a list of {key, value}, found " + list.getNodeType());
      return null;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode kv = list.get(i);
      String key = JsonValues.text(kv.path("key"));
      if (key == null) {
        sink.problem(pointer + "/" + i, "attribute without a key: left out");
        continue;
      }
      Object value = any(kv.path("value"), pointer + "/" + i + "/value", sink);
      if (value != null) {
        out.put(key, value);
      }
    }
    return out;
  }

  /** An {@code AnyValue} as a plain value; null when empty. */
  static Object any(JsonNode v, String pointer, DocumentSink sink) {
    if (v == null || v.isMissingNode() || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      return JsonValues.plain(v); // a bare value where an AnyValue belongs: taken as it is
    }
    JsonNode s = JsonValues.field(v, "stringValue", "string_value");
    if (!s.isMissingNode()) {
      return s.asText();
    }
    JsonNode b = JsonValues.field(v, "boolValue", "bool_value");
    if (!b.isMissingNode()) {
      return b.isBoolean()
          ? b.booleanValue()
          : Boolean.valueOf(b.asText().equalsIgnoreCase("true"));
    }
    JsonNode i = JsonValues.field(v, "intValue", "int_value");
    if (!i.isMissingNode()) {
      Long n =
          JsonValues.whole(
              i, () -> sink.problem(pointer + "/intValue", "not a whole number: kept as text"));
      return n != null ? n : i.asText();
    }
    JsonNode d = JsonValues.field(v, "doubleValue", "double_value");
    if (!d.isMissingNode()) {
      if (d.isNumber()) {
        return d.doubleValue();
      }
      try {
        return Double.valueOf(d.asText());
      } catch (NumberFormatException e) {
        sink.problem(pointer + "/doubleValue", "not a number: kept as text");
        return d.asText();
      }
    }
    JsonNode a = JsonValues.field(v, "arrayValue", "array_value");
    if (!a.isMissingNode()) {
      List<Object> out = new ArrayList<>();
      JsonNode values = a.path("values");
      for (int n = 0; n < values.size(); n++) {
        Object item = any(values.get(n), pointer + "/arrayValue/values/" + n, sink);
        if (item != null) {
          out.add(item);
        }
      }
      return out;
    }
    JsonNode kv = JsonValues.field(v, "kvlistValue", "kvlist_value");
    if (!kv.isMissingNode()) {
      return attributes(kv.path("values"), pointer + "/kvlistValue/values", sink);
    }
    JsonNode bytes = JsonValues.field(v, "bytesValue", "bytes_value");
    if (!bytes.isMissingNode()) {
      return bytes.asText();
    }
    if (v.size() > 0) {
      sink.problem(pointer, "unknown value type " + v.fieldNames().next() + ": left out");
    }
    return null;
  }

  /** A span kind (number or enum name, any case) as {@code Server}; null when unknown. */
  static String kind(JsonNode node, String pointer, DocumentSink sink) {
    return named(node, KINDS, "SPAN_KIND_", pointer, "span kind", sink);
  }

  /** A status code (number or enum name) as {@code Ok}; null when absent or unknown. */
  static String status(JsonNode node, String pointer, DocumentSink sink) {
    return named(node, STATUS, "STATUS_CODE_", pointer, "status code", sink);
  }

  private static String named(
      JsonNode node,
      List<String> names,
      String prefix,
      String pointer,
      String what,
      DocumentSink sink) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber() && node.asInt() >= 0 && node.asInt() < names.size()) {
      return names.get(node.asInt());
    }
    String s = node.asText().trim().toUpperCase(Locale.ROOT);
    if (s.startsWith(prefix)) {
      s = s.substring(prefix.length());
    }
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).toUpperCase(Locale.ROOT).equals(s) || Integer.toString(i).equals(s)) {
        return names.get(i);
      }
    }
    sink.problem(pointer, "unknown " + what + " '" + node.asText() + "': left out");
    return null;
  }
}
