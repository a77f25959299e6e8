package org.hopscope.source.elastic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.hopscope.source.RawDocument;

/**
 * A hit's {@code _source} kept as the bytes Elasticsearch sent, parsed on access into the same map,
 * list and number types as Jackson's map reader ({@link SourceParser}).
 */
final class SourceBytes extends AbstractMap<String, Object> implements RawDocument {

  private final byte[] json;
  private final SourceParser reader;

  /**
   * @param json one JSON object, UTF-8; not copied (the caller hands it over)
   * @param reader reads the object
   */
  SourceBytes(byte[] json, SourceParser reader) {
    this.json = json;
    this.reader = reader;
  }

  @Override
  public Map<String, Object> parse() {
    try {
      return reader.object(json);
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
