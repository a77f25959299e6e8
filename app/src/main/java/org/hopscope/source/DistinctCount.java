package org.hopscope.source;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;

/**
 * Distinct values of one key field (a message ID) over several named sets of documents, answered in
 * one backend round trip without a key scan (Elasticsearch: a {@code filters} aggregation with a
 * {@code cardinality} per set). A set is the union of its slices, so a caller can estimate
 * intersections and differences of sets from the counts of their unions.
 *
 * <p>All values are data: conditions become exact {@code term}/{@code range}/{@code exists}
 * queries, index patterns a match on the document's index, never query syntax.
 *
 * @param indices every index pattern read (at least one)
 * @param keys the fields whose distinct values are counted together (a document's values in any of
 *     them: sources that name the message ID differently), at least one
 * @param sets the named sets (unique names, at least one)
 */
public record DistinctCount(List<String> indices, List<FieldPath> keys, List<Part> sets) {

  public DistinctCount {
    indices = List.copyOf(indices);
    sets = List.copyOf(sets);
    keys = List.copyOf(keys);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("a distinct count needs at least one key field");
    }
    if (indices.isEmpty()) {
      throw new IllegalArgumentException("a distinct count needs at least one index pattern");
    }
    Set<String> names = new HashSet<>();
    for (Part s : sets) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("two sets named " + s.name());
      }
    }
  }

  /**
   * A named set of documents: those in any of its slices.
   *
   * @param name unique within the count
   * @param anyOf the slices (at least one)
   */
  public record Part(String name, List<Slice> anyOf) {
    public Part {
      Objects.requireNonNull(name, "name");
      anyOf = List.copyOf(anyOf);
      if (anyOf.isEmpty()) {
        throw new IllegalArgumentException("set " + name + " needs at least one slice");
      }
    }
  }

  /**
   * The documents of some index patterns whose timestamp lies in a window and that meet any of some
   * conditions.
   *
   * @param indices the slice's index patterns, or empty for every index the count reads
   * @param timestamp event time field
   * @param timestampFormat its format
   * @param window time bound (half-open)
   * @param anyOf a document belongs only when it meets at least one of these; empty: every document
   */
  public record Slice(
      List<String> indices,
      FieldPath timestamp,
      TimestampFormat timestampFormat,
      TimeWindow window,
      List<Condition> anyOf) {
    public Slice {
      indices = List.copyOf(indices);
      anyOf = List.copyOf(anyOf);
      Objects.requireNonNull(timestamp, "timestamp");
      Objects.requireNonNull(timestampFormat, "timestampFormat");
      Objects.requireNonNull(window, "window");
    }
  }

  /**
   * The answer for one set.
   *
   * @param documents documents in the set (exact)
   * @param values distinct key values among them (an estimate)
   * @param exactBelow the backend counts distinct values exactly (up to hash collisions) below this
   *     many; 0: never
   * @param relativeError above it, the relative standard error of the estimate (e.g. 0.002)
   */
  public record Distinct(long documents, long values, long exactBelow, double relativeError) {}

  /** The set names, for checks. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    sets.forEach(s -> names.add(s.name()));
    return names;
  }
}
