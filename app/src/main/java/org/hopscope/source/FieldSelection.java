package org.hopscope.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.FieldPath;

/**
 * The parts of a stored document that reading some {@link FieldPath}s can reach, as a tree of keys:
 * a document pruned to it gives every one of those paths the same values as the whole document
 * (nested objects and dotted keys mixed, arrays, keyed array elements). At each object level a key
 * is either not reached (skip its value), reached whole (its value is a path's end), or reached
 * further (its value pruned to a child selection; list elements alike). Built once per field map,
 * it lets a reader of 100,000 documents build only the maps and strings it reads. Immutable,
 * thread-safe.
 */
public final class FieldSelection {

  /** Everything under a key (a path ends there). */
  private static final FieldSelection WHOLE = new FieldSelection(Map.of(), true);

  private final Map<String, FieldSelection> keys;
  private final boolean whole;

  private FieldSelection(Map<String, FieldSelection> keys, boolean whole) {
    this.keys = keys;
    this.whole = whole;
  }

  /** What reading {@code paths} (nulls ignored) can reach. */
  public static FieldSelection of(Collection<FieldPath> paths) {
    Builder root = new Builder();
    for (FieldPath p : paths) {
      if (p == null) {
        continue;
      }
      if (p.keyed()) {
        // the array's elements: their selector field and their value field
        for (Builder element : root.reach(p.array().split("\\."), 0)) {
          element.add(p.matchField().split("\\."), 0);
          element.add(p.valueField().split("\\."), 0);
        }
      } else {
        root.add(p.valueField().split("\\."), 0);
      }
    }
    return root.build();
  }

  /**
   * The selection under {@code key} at this level: null when no path reaches it, {@link #whole()}
   * when its value is kept whole.
   */
  public FieldSelection under(String key) {
    return whole ? this : keys.get(key);
  }

  /** Whether values here are kept whole (a path ends here). */
  public boolean whole() {
    return whole;
  }

  /** A selection under construction; {@code whole} wins over any children. */
  private static final class Builder {
    final Map<String, Builder> children = new HashMap<>();
    boolean whole;

    /** Adds the path {@code segments[from..]}, its values kept whole wherever it ends. */
    void add(String[] segments, int from) {
      for (Builder end : reach(segments, from)) {
        end.whole = true;
        end.children.clear();
      }
    }

    /**
     * Adds the path {@code segments[from..]} and returns where it ends, one builder per spelling
     * ({@code a.b} reached as {@code a} then {@code b}, or as the key {@code a.b}); none where it
     * ends inside a value kept whole anyway.
     */
    List<Builder> reach(String[] segments, int from) {
      if (whole) {
        return List.of();
      }
      if (from == segments.length) {
        return List.of(this);
      }
      List<Builder> ends = new ArrayList<>();
      StringBuilder key = new StringBuilder();
      for (int to = from; to < segments.length; to++) {
        if (to > from) {
          key.append('.');
        }
        key.append(segments[to]);
        Builder child = children.computeIfAbsent(key.toString(), k -> new Builder());
        ends.addAll(child.reach(segments, to + 1));
      }
      return ends;
    }

    FieldSelection build() {
      if (whole) {
        return WHOLE;
      }
      Map<String, FieldSelection> built = new HashMap<>();
      children.forEach((k, v) -> built.put(k, v.build()));
      return new FieldSelection(Map.copyOf(built), false);
    }
  }
}
