package org.hopscope.source;

import java.util.List;

/**
 * One distinct key of a {@link KeyValuesScan} and the distinct values its documents carry.
 *
 * @param key the key
 * @param values the values, ascending in UTF-8 byte order, at least one
 */
public record KeyValues(String key, List<String> values) {

  public KeyValues {
    values = List.copyOf(values);
  }
}
