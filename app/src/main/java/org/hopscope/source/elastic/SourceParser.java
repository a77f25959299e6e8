package org.hopscope.source.elastic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one stored {@code _source} into the same maps, lists and values as Jackson's {@code
 * readerFor(Map.class)} with default settings ({@link LinkedHashMap}, {@link ArrayList}, {@link
 * String}, {@link Integer}/{@link Long}/{@link java.math.BigInteger} as the number fits, {@link
 * Double}, {@link Boolean}, null), straight from the parser's tokens: without a deserialization
 * context and a deserializer lookup per document, which cost a third of the parse for 100,000 small
 * documents (JFR, issue 16). Thread-safe.
 */
final class SourceParser {

  private final JsonFactory factory;

  SourceParser(JsonFactory factory) {
    this.factory = factory;
  }

  /** {@code json}, one JSON object, UTF-8. */
  Map<String, Object> object(byte[] json) throws IOException {
    try (JsonParser p = factory.createParser(json)) {
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new JsonParseException(p, "found " + first + " where a JSON object belongs");
      }
      Map<String, Object> out = object(p);
      JsonToken after = p.nextToken();
      if (after != null) {
        throw new JsonParseException(p, "found " + after + " after the JSON object");
      }
      return out;
    }
  }

  /** The object whose START_OBJECT the parser is at, up to its END_OBJECT. */
  private static Map<String, Object> object(JsonParser p) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    String name;
    while ((name = p.nextFieldName()) != null) {
      out.put(name, value(p, p.nextToken()));
    }
    return out;
  }

  private static List<Object> array(JsonParser p) throws IOException {
    List<Object> out = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      out.add(value(p, t));
    }
    return out;
  }

  private static Object value(JsonParser p, JsonToken t) throws IOException {
    if (t == null) {
      throw new JsonParseException(p, "the JSON ends inside a value");
    }
    return switch (t) {
      case START_OBJECT -> object(p);
      case START_ARRAY -> array(p);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue();
      case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new JsonParseException(p, "found " + t + " where a value belongs");
    };
  }
}
