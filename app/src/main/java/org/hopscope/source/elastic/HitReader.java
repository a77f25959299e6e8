package org.hopscope.source.elastic;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams search answers ({@code _search}, {@code _msearch}) into hits with Jackson, without the
 * typed client's object model in between. Each {@code _source} is kept as its bytes ({@link
 * SourceBytes}, a {@link org.hopscope.source.RawDocument}) and parses into the same maps and lists
 * as the typed client's {@code Map} documents ({@link java.util.LinkedHashMap}, {@link
 * java.util.ArrayList}, boxed numbers). Thread-safe.
 */
final class HitReader {

  /** One hit: where it is, its sort values (for {@code search_after}) and its {@code _source}. */
  record FoundHit(String index, String id, JsonNode sort, Map<String, Object> source) {}

  /**
   * One search's answer.
   *
   * @param hits the hits in answer order; null when the answer has no {@code hits.hits} (of the
   *     wrong shape, or an error item)
   * @param total {@code hits.total.value}, or -1 when not tracked
   * @param pitId the point in time to use next, or null
   * @param status the item's HTTP status in an {@code _msearch} (0 when not given)
   * @param error the item's {@code error} object, or null
   */
  record Answer(List<FoundHit> hits, long total, String pitId, int status, JsonNode error) {}

  private final ObjectMapper json;
  private final SourceParser documents;

  HitReader(ObjectMapper json) {
    this.json = json;
    this.documents = new SourceParser(json.getFactory());
  }

  /** A {@code _search} answer. */
  Answer search(InputStream in) throws IOException {
    byte[] bytes = in.readAllBytes();
    try (JsonParser p = json.getFactory().createParser(bytes)) {
      expect(p, JsonToken.START_OBJECT);
      return answer(p, bytes);
    }
  }

  /** An {@code _msearch} answer: one {@link Answer} per search, in request order. */
  List<Answer> multi(InputStream in) throws IOException {
    List<Answer> out = new ArrayList<>();
    byte[] bytes = in.readAllBytes();
    try (JsonParser p = json.getFactory().createParser(bytes)) {
      expect(p, JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("responses") && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            out.add(answer(p, bytes));
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return out;
  }

  /** The object the parser is at (its START_OBJECT read), up to its END_OBJECT. */
  private Answer answer(JsonParser p, byte[] bytes) throws IOException {
    List<FoundHit> hits = null;
    long total = -1;
    String pitId = null;
    int status = 0;
    JsonNode error = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "hits" -> {
          if (value == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String field = p.currentName();
              JsonToken v = p.nextToken();
              if (field.equals("hits") && v == JsonToken.START_ARRAY) {
                hits = hits(p, bytes);
              } else if (field.equals("total")) {
                total = total(p, v);
              } else {
                p.skipChildren();
              }
            }
          } else {
            p.skipChildren();
          }
        }
        case "pit_id" -> pitId = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "status" -> status = value.isNumeric() ? p.getIntValue() : 0;
        case "error" -> error = p.readValueAsTree();
        default -> p.skipChildren();
      }
    }
    return new Answer(hits, total, pitId, status, error);
  }

  private List<FoundHit> hits(JsonParser p, byte[] bytes) throws IOException {
    List<FoundHit> hits = new ArrayList<>();
    // the hits of one answer come from a few indices: one String each, not one per hit
    Map<String, String> indices = new HashMap<>();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      String index = null;
      String id = null;
      JsonNode sort = null;
      Map<String, Object> source = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "_index" -> index = shared(indices, p.getText());
          case "_id" -> id = p.getText();
          case "sort" -> sort = sortValues(p, value);
          case "_source" -> source = value == JsonToken.START_OBJECT ? source(p, bytes) : null;
          default -> p.skipChildren();
        }
      }
      hits.add(new FoundHit(index, id, sort, source == null ? Map.of() : source));
    }
    return hits;
  }

  /**
   * A hit's sort values as the tree {@code readValueAsTree} would build: scalars straight from the
   * tokens (a tree reader per hit was a tenth of reading 100,000 hits), anything else as a tree.
   */
  private static JsonNode sortValues(JsonParser p, JsonToken value) throws IOException {
    if (value != JsonToken.START_ARRAY) {
      return p.readValueAsTree();
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      switch (t) {
        case VALUE_NUMBER_INT -> {
          switch (p.getNumberType()) {
            case INT -> out.add(p.getIntValue());
            case LONG -> out.add(p.getLongValue());
            default -> out.add(p.getBigIntegerValue());
          }
        }
        case VALUE_NUMBER_FLOAT -> out.add(p.getDoubleValue());
        case VALUE_STRING -> out.add(p.getText());
        case VALUE_TRUE, VALUE_FALSE -> out.add(t == JsonToken.VALUE_TRUE);
        case VALUE_NULL -> out.addNull();
        default -> out.add((JsonNode) p.readValueAsTree());
      }
    }
    return out;
  }

  private static String shared(Map<String, String> seen, String value) {
    if (value == null) {
      return null;
    }
    String had = seen.putIfAbsent(value, value);
    return had == null ? value : had;
  }

  /** The object the parser is at, kept as its bytes (skipped, not parsed). */
  private Map<String, Object> source(JsonParser p, byte[] bytes) throws IOException {
    long from = p.currentTokenLocation().getByteOffset();
    p.skipChildren();
    long to = p.currentTokenLocation().getByteOffset() + 1;
    if (from < 0 || to > bytes.length || bytes[(int) from] != '{' || bytes[(int) to - 1] != '}') {
      throw new IOException(
          "cannot locate a _source in the answer (offsets " + from + ".." + to + ")");
    }
    return new SourceBytes(Arrays.copyOfRange(bytes, (int) from, (int) to), documents);
  }

  private static long total(JsonParser p, JsonToken v) throws IOException {
    if (v.isNumeric()) {
      return p.getLongValue();
    }
    long total = -1;
    if (v == JsonToken.START_OBJECT) {
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if (field.equals("value") && value.isNumeric()) {
          total = p.getLongValue();
        } else {
          p.skipChildren();
        }
      }
    }
    return total;
  }

  private static void expect(JsonParser p, JsonToken wanted) throws IOException {
    JsonToken actual = p.nextToken();
    if (actual != wanted) {
      throw new JsonParseException(p, "found " + actual + " where " + wanted + " belongs");
    }
  }
}
