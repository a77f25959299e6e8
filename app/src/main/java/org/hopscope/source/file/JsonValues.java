package org.hopscope.source.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Lenient readers of the values trace files spell in more than one way. Pure. */
final class JsonValues {

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private JsonValues() {}

  /** The first of {@code names} that {@code node} has (not null), else a missing node. */
  static JsonNode field(JsonNode node, String... names) {
    for (String name : names) {
      JsonNode v = node.get(name);
      if (v != null && !v.isNull()) {
        return v;
      }
    }
    return node.path(names[0]);
  }

  /** A text value (a number or boolean as its text), or null when absent, empty or not a value. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
      return null;
    }
    String s = node.asText();
    return s.isEmpty() ? null : s;
  }

  /**
   * A whole number given as a JSON number or a numeric string (int64 in proto JSON), or null when
   * absent; {@code bad} when present but no whole number.
   */
  static Long whole(JsonNode node, Runnable bad) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    String s = node.isTextual() ? node.textValue().trim() : node.isNumber() ? node.asText() : null;
    if (s != null && !s.isEmpty()) {
      try {
        return new BigDecimal(s).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        // falls through to bad
      }
    }
    bad.run();
    return null;
  }

  /** Nanoseconds since the epoch as an instant. */
  static Instant ofNanos(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /**
   * A trace or span ID of {@code bytes} bytes as lowercase hex, as Elasticsearch documents hold it:
   * hex in any case, or base64 (proto JSON's bytes), is accepted; null when absent or empty, {@code
   * bad} (and the value as given, lowercased) when neither.
   */
  static String id(JsonNode node, int bytes, Runnable bad) {
    String s = text(node);
    if (s == null) {
      return null;
    }
    if (s.length() == bytes * 2 && isHex(s)) {
      return s.toLowerCase(Locale.ROOT);
    }
    try {
      byte[] decoded = java.util.Base64.getDecoder().decode(s);
      if (decoded.length == bytes) {
        return HexFormat.of().formatHex(decoded);
      }
    } catch (IllegalArgumentException notBase64) {
      // falls through to bad
    }
    if (isHex(s) && s.length() < bytes * 2 && s.length() % 2 == 0) {
      return s.toLowerCase(Locale.ROOT); // a short (e.g. 64-bit) ID, as Jaeger and Zipkin allow
    }
    bad.run();
    return s.toLowerCase(Locale.ROOT);
  }

  private static boolean isHex(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /** {@code node} (an object) as maps, lists and boxed values. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonNode node) {
    return PLAIN.convertValue(node, LinkedHashMap.class);
  }

  /** {@code node} as a plain value: maps, lists, strings, numbers, booleans, or null. */
  static Object plain(JsonNode node) {
    return node == null || node.isMissingNode() ? null : PLAIN.convertValue(node, Object.class);
  }
}
