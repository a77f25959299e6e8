package org.hopscope.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a value sits in a stored document, as the path definition spells it.
 *
 * <p>Two forms:
 *
 * <ul>
 *   <li>dotted: {@code labels.message_id}, {@code attributes.messaging.message.id}. Reading accepts
 *       both nested objects ({@code {"labels":{"message_id":..}}}) and dotted keys ({@code
 *       {"labels.message_id":..}}), as both reach Elasticsearch.
 *   <li>keyed array element: {@code tags[key=message.id].value} - in the array {@code tags}, the
 *       element whose {@code key} equals {@code message.id}, its field {@code value} (Jaeger's span
 *       tags). In Elasticsearch the array is queried as a {@code nested} field.
 * </ul>
 *
 * @param text the path as written
 * @param array for the keyed form the array's dotted path ({@code tags}), else null
 * @param matchField for the keyed form the element's selector field ({@code key}), else null
 * @param matchValue for the keyed form the selector's value ({@code message.id}), else null
 * @param valueField the dotted path of the value: the whole path, or within the element ({@code
 *     value})
 */
public record FieldPath(
    String text, String array, String matchField, String matchValue, String valueField) {

  public FieldPath {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(valueField, "valueField");
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException with what was expected, when {@code text} is not a path
   */
  public static FieldPath parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("expected a field path such as labels.message_id");
    }
    int open = text.indexOf('[');
    if (open < 0) {
      requireDotted(text, text);
      return new FieldPath(text, null, null, null, text);
    }
    int close = text.indexOf(']', open);
    int eq = text.indexOf('=', open);
    if (close < 0 || eq < 0 || eq > close || !text.startsWith("].", close)) {
      throw new IllegalArgumentException(
          "expected ARRAY[FIELD=VALUE].FIELD such as tags[key=message.id].value, got '"
              + text
              + "'");
    }
    String array = text.substring(0, open);
    String match = text.substring(open + 1, eq);
    String value = text.substring(close + 2);
    requireDotted(array, text);
    requireDotted(match, text);
    requireDotted(value, text);
    String matchValue = text.substring(eq + 1, close);
    if (matchValue.isEmpty()) {
      throw new IllegalArgumentException("empty match value in '" + text + "'");
    }
    return new FieldPath(text, array, match, matchValue, value);
  }

  private static void requireDotted(String part, String whole) {
    if (part.isEmpty() || part.startsWith(".") || part.endsWith(".") || part.contains("..")) {
      throw new IllegalArgumentException("malformed field path '" + whole + "'");
    }
    for (char c : part.toCharArray()) {
      if (Character.isWhitespace(c) || c == '[' || c == ']' || c == '=' || c == '*') {
        throw new IllegalArgumentException("unexpected '" + c + "' in field path '" + whole + "'");
      }
    }
  }

  /** Whether this is the keyed array element form. */
  public boolean keyed() {
    return array != null;
  }

  /** The full dotted name of the value in the index ({@code tags.value} for the keyed form). */
  public String indexedField() {
    return keyed() ? array + "." + valueField : valueField;
  }

  /**
   * All values at this path in a document ({@code _source} as maps and lists), in document order;
   * arrays are flattened, nulls dropped. Never null.
   */
  public List<Object> read(Map<String, ?> document) {
    List<Object> out = new ArrayList<>();
    if (!keyed()) {
      collect(document, valueField.split("\\."), 0, out);
      return out;
    }
    List<Object> elements = new ArrayList<>();
    collect(document, array.split("\\."), 0, elements);
    for (Object element : elements) {
      if (element instanceof Map<?, ?> m) {
        List<Object> selector = new ArrayList<>();
        collect(m, matchField.split("\\."), 0, selector);
        if (selector.stream().anyMatch(v -> matchValue.equals(String.valueOf(v)))) {
          collect(m, valueField.split("\\."), 0, out);
        }
      }
    }
    return out;
  }

  /** The first value at this path as a string, or null. */
  public String readFirst(Map<String, ?> document) {
    List<Object> values = read(document);
    return values.isEmpty() ? null : String.valueOf(values.get(0));
  }

  private static void collect(Object node, String[] segments, int from, List<Object> out) {
    if (node == null) {
      return;
    }
    if (node instanceof List<?> list) {
      for (Object item : list) {
        collect(item, segments, from, out);
      }
      return;
    }
    if (from == segments.length) {
      out.add(node);
      return;
    }
    if (!(node instanceof Map<?, ?> map)) {
      return;
    }
    // try "a", then "a.b", then "a.b.c" as the key at this level: dotted keys and nesting mix
    StringBuilder key = new StringBuilder();
    for (int i = from; i < segments.length; i++) {
      if (i > from) {
        key.append('.');
      }
      key.append(segments[i]);
      if (map.containsKey(key.toString())) {
        collect(map.get(key.toString()), segments, i + 1, out);
      }
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
