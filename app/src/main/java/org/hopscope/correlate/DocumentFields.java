package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A stored document flattened to field paths and text values, for telling which fields of two
 * events of the same kind differ. Nested objects become dotted paths, arrays of objects with a
 * {@code key} become {@code tags[key=x].value} (as path definitions name them), other arrays are
 * indexed. Fields that differ between any two messages by nature are left out: IDs, timestamps,
 * durations and positions (offsets), and any value that is one of the messages' IDs.
 */
final class DocumentFields {

  /** Longest value kept; longer ones are cut with "…". */
  static final int VALUE_LIMIT = 160;

  private static final Pattern ID_NAME =
      Pattern.compile("^(?:(?i:ids?|.*_ids?|.*-ids?)|.*[a-z](?:Id|ID|Ids|IDs))$");
  private static final List<String> NATURE = List.of("time", "duration", "offset", "took");

  private DocumentFields() {}

  /** {@code document} flattened, insertion order kept. */
  static Map<String, String> flatten(Map<String, Object> document) {
    Map<String, String> out = new LinkedHashMap<>();
    walk("", document, out);
    return out;
  }

  /**
   * Whether {@code field} is one that differs between messages by nature, or one of {@code mapped}
   * (the source's own ID, time and message fields), or its value one of {@code ids}.
   */
  static boolean ignored(String field, String value, Set<String> mapped, Set<String> ids) {
    if (mapped.contains(field) || (value != null && ids.contains(value))) {
      return true;
    }
    String lower = field.toLowerCase(Locale.ROOT);
    for (String n : NATURE) {
      if (lower.contains(n)) {
        return true;
      }
    }
    List<String> tokens = new ArrayList<>(List.of(field.split("[.\\[\\]=]+")));
    while (!tokens.isEmpty()
        && (tokens.get(tokens.size() - 1).equals("value")
            || tokens.get(tokens.size() - 1).equals("key")
            || tokens.get(tokens.size() - 1).isEmpty())) {
      tokens.remove(tokens.size() - 1);
    }
    return !tokens.isEmpty() && ID_NAME.matcher(tokens.get(tokens.size() - 1)).matches();
  }

  @SuppressWarnings("unchecked")
  private static void walk(String prefix, Object value, Map<String, String> out) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
    } else if (value instanceof List<?> list) {
      boolean keyed =
          !list.isEmpty()
              && list.stream().allMatch(e -> e instanceof Map<?, ?> m && m.get("key") != null);
      if (keyed) {
        for (Object e : list) {
          Map<String, Object> m = (Map<String, Object>) e;
          String at = prefix + "[key=" + m.get("key") + "]";
          m.forEach(
              (k, v) -> {
                if (!k.equals("key")) {
                  walk(at + "." + k, v, out);
                }
              });
        }
      } else if (list.stream().allMatch(e -> !(e instanceof Map<?, ?>) && !(e instanceof List))) {
        out.put(prefix, cut(list.toString()));
      } else {
        for (int i = 0; i < list.size(); i++) {
          walk(prefix + "[" + i + "]", list.get(i), out);
        }
      }
    } else {
      out.put(prefix, value == null ? "null" : cut(value.toString()));
    }
  }

  private static String cut(String s) {
    return s.length() <= VALUE_LIMIT ? s : s.substring(0, VALUE_LIMIT - 1) + "…";
  }
}
