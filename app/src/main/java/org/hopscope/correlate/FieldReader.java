package org.hopscope.correlate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;

/**
 * A {@link FieldPath} prepared for reading many documents: the same values as {@link
 * FieldPath#read} (same order, arrays flattened, nulls dropped, nested objects and dotted keys
 * mixed), without splitting the path or building keys per document. Immutable, thread-safe.
 */
final class FieldReader {

  private final FieldPath path;
  private final Keys value;
  private final Keys array;
  private final Keys match;

  private FieldReader(FieldPath path) {
    this.path = path;
    this.value = new Keys(path.valueField());
    this.array = path.keyed() ? new Keys(path.array()) : null;
    this.match = path.keyed() ? new Keys(path.matchField()) : null;
  }

  /** A reader for {@code path}, or null for a null path. */
  static FieldReader of(FieldPath path) {
    return path == null ? null : new FieldReader(path);
  }

  /** As {@link FieldPath#read}. */
  List<Object> read(Map<String, ?> document) {
    List<Object> out = new ArrayList<>(1);
    if (array == null) {
      value.collect(document, 0, out);
      return out;
    }
    List<Object> elements = new ArrayList<>();
    array.collect(document, 0, elements);
    String wanted = path.matchValue();
    for (Object element : elements) {
      if (element instanceof Map<?, ?> m) {
        List<Object> selector = new ArrayList<>(1);
        match.collect(m, 0, selector);
        for (Object v : selector) {
          if (wanted.equals(String.valueOf(v))) {
            value.collect(m, 0, out);
            break;
          }
        }
      }
    }
    return out;
  }

  /** As {@link FieldPath#readFirst}. */
  String readFirst(Map<String, ?> document) {
    if (array == null) {
      // the first value without a list: called about a dozen times per document
      Object first = value.first(document, 0);
      return first == null ? null : String.valueOf(first);
    }
    List<Object> values = read(document);
    return values.isEmpty() ? null : String.valueOf(values.get(0));
  }

  /**
   * The dotted keys of one path: {@code joined[from][to]} is segments {@code from..to} joined by
   * dots, the key tried at a level where segment {@code from} is next.
   */
  private static final class Keys {
    private final int length;
    private final String[][] joined;

    Keys(String dotted) {
      String[] segments = dotted.split("\\.");
      length = segments.length;
      joined = new String[length][length];
      for (int from = 0; from < length; from++) {
        StringBuilder key = new StringBuilder();
        for (int to = from; to < length; to++) {
          if (to > from) {
            key.append('.');
          }
          key.append(segments[to]);
          joined[from][to] = key.toString();
        }
      }
    }

    /** The first value {@link #collect} would add, or null; in the same order. */
    Object first(Object node, int from) {
      if (node == null) {
        return null;
      }
      if (node instanceof List<?> list) {
        for (Object item : list) {
          Object found = first(item, from);
          if (found != null) {
            return found;
          }
        }
        return null;
      }
      if (from == length) {
        return node;
      }
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      String[] keys = joined[from];
      for (int i = from; i < length; i++) {
        Object next = map.get(keys[i]);
        if (next != null) {
          Object found = first(next, i + 1);
          if (found != null) {
            return found;
          }
        }
      }
      return null;
    }

    void collect(Object node, int from, List<Object> out) {
      if (node == null) {
        return;
      }
      if (node instanceof List<?> list) {
        for (Object item : list) {
          collect(item, from, out);
        }
        return;
      }
      if (from == length) {
        out.add(node);
        return;
      }
      if (!(node instanceof Map<?, ?> map)) {
        return;
      }
      String[] keys = joined[from];
      for (int i = from; i < length; i++) {
        // a key mapped to null adds nothing, so get() stands for containsKey() + get()
        Object next = map.get(keys[i]);
        if (next != null) {
          collect(next, i + 1, out);
        }
      }
    }
  }

  /** A {@link Condition} prepared like its field: the same answers as {@link Condition#matches}. */
  static final class Test {
    private final Condition condition;
    private final FieldReader field;
    private final BigDecimal bound;

    Test(Condition condition) {
      this.condition = condition;
      this.field = new FieldReader(condition.field());
      this.bound =
          condition.op() == Condition.Op.AT_LEAST ? number(condition.values().get(0)) : null;
    }

    /** As {@link Condition#matches}. */
    boolean matches(Map<String, ?> document) {
      for (Object v : field.read(document)) {
        String s = String.valueOf(v);
        boolean hit =
            switch (condition.op()) {
              case IN -> condition.values().contains(s);
              case EXISTS -> true;
              case AT_LEAST -> atLeast(s);
            };
        if (hit) {
          return true;
        }
      }
      return false;
    }

    private boolean atLeast(String value) {
      if (bound == null) {
        return false;
      }
      BigDecimal n = number(value);
      return n != null && n.compareTo(bound) >= 0;
    }

    private static BigDecimal number(String s) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException e) {
        return null; // as Condition: a value or bound that is no number never matches
      }
    }
  }

  static boolean any(List<Test> tests, Map<String, ?> document) {
    // a loop, not a stream: called several times per document of 100,000
    for (Test t : tests) {
      if (t.matches(document)) {
        return true;
      }
    }
    return false;
  }

  static List<Test> tests(List<Condition> conditions) {
    return conditions.stream().map(Test::new).toList();
  }
}
