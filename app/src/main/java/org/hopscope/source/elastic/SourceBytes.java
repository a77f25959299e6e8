package org.hopscope.source.elastic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.source.FieldSelection;
import org.hopscope.source.RawDocument;

/**
 * A hit's {@code _source} kept as the bytes Elasticsearch sent, parsed on access with the same
 * Jackson reader as a whole answer would be (same map, list and number types).
 */
final class SourceBytes extends AbstractMap<String, Object> implements RawDocument {

  private final byte[] json;
  private final ObjectReader reader;
  private final ObjectReader values;

  /**
   * @param json one JSON object, UTF-8; not copied (the caller hands it over)
   * @param reader reads a {@code Map}
   * @param values reads any JSON value, configured as {@code reader}
   */
  SourceBytes(byte[] json, ObjectReader reader, ObjectReader values) {
    this.json = json;
    this.reader = reader;
    this.values = values;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Streams the bytes once and builds only the objects, lists and values the selection reaches;
   * the rest is skipped token by token. What it builds has the types {@link #parse()} gives.
   */
  @Override
  public Map<String, Object> parse(FieldSelection selection) {
    try (JsonParser p = reader.getFactory().createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("a stored _source is no JSON object");
      }
      return object(p, selection);
    } catch (IOException e) {
      // the bytes were read as one JSON object when the answer came
      throw new UncheckedIOException("a stored _source cannot be read again", e);
    }
  }

  /** The object the parser is at (its START_OBJECT read), pruned to {@code selection}. */
  private Map<String, Object> object(JsonParser p, FieldSelection selection) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken token = p.nextToken();
      FieldSelection under = selection.under(name);
      if (under == null) {
        p.skipChildren();
      } else {
        out.put(name, value(p, token, under));
      }
    }
    return out;
  }

  private Object value(JsonParser p, JsonToken token, FieldSelection selection) throws IOException {
    if (selection.whole() || token.isScalarValue()) {
      return values.readValue(p);
    }
    if (token == JsonToken.START_OBJECT) {
      return object(p, selection);
    }
    List<Object> list = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      list.add(value(p, t, selection));
    }
    return list;
  }

  @Override
  public Map<String, Object> parse() {
    try {
      return reader.readValue(json);
    } catch (IOException e) {
      // the bytes were read as one JSON object when the answer came
      throw new UncheckedIOException("a stored _source cannot be read again", e);
    }
  }

  @Override
  public String json() {
    return new String(json, StandardCharsets.UTF_8);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Collections.unmodifiableMap(parse()).entrySet();
  }

  @Override
  public Object get(Object key) {
    return parse().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return parse().containsKey(key);
  }
}
