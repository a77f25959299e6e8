package org.hopscope.source;

import java.util.Map;

/**
 * A stored document an {@link EventSource} keeps as it came (its raw JSON), as the {@code Map} of a
 * {@link SourceEvent}: every map access parses it afresh, so a search of 100,000 documents holds
 * 100,000 compact byte arrays instead of 100,000 trees of maps (a few hundred megabytes the garbage
 * collector copies around). Readers of many fields take one {@link #parse()} and read that.
 * Immutable, thread-safe; equal to any map with the same entries.
 */
public interface RawDocument extends Map<String, Object> {

  /** The document parsed: a new mutable map of maps, lists, strings, numbers and booleans. */
  Map<String, Object> parse();

  /** The document as its source stored it: UTF-8 JSON. */
  String json();

  /**
   * A map to read many fields of {@code document} from: a fresh parse of a {@link RawDocument},
   * else {@code document} itself.
   */
  static Map<String, Object> parsed(Map<String, Object> document) {
    return document instanceof RawDocument raw ? raw.parse() : document;
  }
}
