package org.hopscope.source.elastic;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.elastic.MappedFields.MappedType;

/**
 * Whether a field, as an index pattern maps it ({@link MappedFields}), can serve what a path
 * definition uses it for, the way this adapter queries it: IDs by exact {@code terms} and composite
 * aggregations (keyword or integer types), the event time by {@code range} and sort (a date, or a
 * number for the epoch formats), conditions by {@code terms}, {@code range} or {@code exists}, and
 * a keyed element ({@code tags[key=x].value}) by a {@code nested} query. Pure.
 */
public final class FieldRules {

  private static final Set<String> KEYWORDS = Set.of("keyword", "constant_keyword", "wildcard");
  private static final Set<String> INTEGERS =
      Set.of("long", "integer", "short", "byte", "unsigned_long");
  private static final Set<String> FLOATS = Set.of("double", "float", "half_float", "scaled_float");
  private static final Set<String> DATES = Set.of("date", "date_nanos");
  private static final Set<String> TEXTS = Set.of("text", "match_only_text");

  private FieldRules() {}

  /** What a path definition uses a field for. */
  public sealed interface Use {}

  /** The event time, stored as {@code format} says. */
  public record Timestamp(TimestampFormat format) implements Use {}

  /** A message ID, trace ID or link field: matched exactly and grouped by. */
  public record Id() implements Use {}

  /** A condition {@code in: [values]}: matched exactly. */
  public record Match(List<String> values) implements Use {
    public Match {
      values = List.copyOf(values);
    }
  }

  /** A condition {@code atLeast}: compared as a number. */
  public record AtLeast() implements Use {}

  /** A condition {@code exists}: any mapped type will do. */
  public record Exists() implements Use {}

  /** The use of a failure, dead-letter or attempt condition's field. */
  public static Use of(Condition condition) {
    return switch (condition.op()) {
      case IN -> new Match(condition.values());
      case AT_LEAST -> new AtLeast();
      case EXISTS -> new Exists();
    };
  }

  /** What a finding is about. */
  public enum Kind {
    /** No index of the pattern maps the field. */
    MISSING,
    /** The field is mapped with a type the use cannot work with. */
    UNUSABLE_TYPE
  }

  /**
   * One thing wrong with a field.
   *
   * @param field the dotted field name in the index (for a keyed path: its array, selector or
   *     value)
   * @param kind missing or unusable
   * @param problem what is wrong, e.g. {@code is text (analysed into words): ...}
   * @param suggestion what to do, e.g. {@code use labels.message_id.keyword}
   */
  public record Finding(String field, Kind kind, String problem, String suggestion) {}

  /** What is wrong with {@code path} for {@code use} in {@code mapped}; empty when usable. */
  public static List<Finding> check(FieldPath path, Use use, MappedFields mapped) {
    List<Finding> out = new ArrayList<>();
    if (!path.keyed()) {
      checkValue(path.indexedField(), use, mapped, false, out);
      return out;
    }
    String array = path.array();
    List<MappedType> arrayTypes = mapped.of(array);
    if (arrayTypes.isEmpty()) {
      out.add(missing(array, "the array of " + path.text()));
      return out;
    }
    for (MappedType t : arrayTypes) {
      if (!t.type().equals("nested")) {
        out.add(
            new Finding(
                array,
                Kind.UNUSABLE_TYPE,
                "is "
                    + t.type()
                    + where(t, mapped)
                    + ", not nested: "
                    + path.text()
                    + " is queried as one nested element whose "
                    + path.matchField()
                    + " and "
                    + path.valueField()
                    + " match together",
                "map " + array + " as nested in the index template"));
      }
    }
    checkValue(
        array + "." + path.matchField(), new Match(List.of(path.matchValue())), mapped, true, out);
    checkValue(path.indexedField(), use, mapped, true, out);
    return out;
  }

  /** The rules for one dotted field; {@code keyed}: inside the element of a keyed path. */
  private static void checkValue(
      String field, Use use, MappedFields mapped, boolean keyed, List<Finding> out) {
    List<MappedType> types = mapped.of(field);
    if (types.isEmpty()) {
      out.add(missing(field, null));
      return;
    }
    Optional<String> nestedParent = keyed ? Optional.empty() : nestedParent(field, mapped);
    if (nestedParent.isPresent()) {
      String parent = nestedParent.get();
      out.add(
          new Finding(
              field,
              Kind.UNUSABLE_TYPE,
              "lies inside the nested array " + parent + ": a plain query never matches it",
              "name the element, e.g. "
                  + parent
                  + "[key=NAME]."
                  + field.substring(parent.length() + 1)));
      return;
    }
    for (MappedType t : types) {
      String why = why(t, use);
      if (why != null) {
        out.add(
            new Finding(
                field,
                Kind.UNUSABLE_TYPE,
                "is " + t.type() + where(t, mapped) + ": " + why,
                suggestion(field, t, use, mapped)));
      } else if (!t.searchable() && !(use instanceof Exists)) {
        out.add(
            new Finding(
                field,
                Kind.UNUSABLE_TYPE,
                "is " + t.type() + where(t, mapped) + " but not indexed (not searchable)",
                "map it with index: true in the index template"));
      }
    }
  }

  /** Why type {@code t} cannot serve {@code use}, or null when it can. */
  static String why(MappedType t, Use use) {
    String type = t.type();
    if (use instanceof Exists) {
      return null;
    }
    if (TEXTS.contains(type)) {
      return "text is analysed into words, so exact values do not match"
          + (use instanceof Id ? " and key scans cannot group by it" : "");
    }
    if (type.equals("object") || type.equals("nested")) {
      return "an object, not a value";
    }
    if (use instanceof Id) {
      if (KEYWORDS.contains(type) || INTEGERS.contains(type)) {
        return t.aggregatable() ? null : "not aggregatable (no doc values), so key scans fail";
      }
      return FLOATS.contains(type)
          ? "floating-point numbers lose digits of long IDs"
          : "IDs are matched exactly and grouped by, which needs keyword or an integer type";
    }
    if (use instanceof Timestamp ts) {
      return timestamp(type, ts.format());
    }
    if (use instanceof AtLeast) {
      return INTEGERS.contains(type) || FLOATS.contains(type)
          ? null
          : "atLeast compares numbers, and a "
              + type
              + " field compares otherwise ('1000' < '500')";
    }
    Match match = (Match) use;
    if (INTEGERS.contains(type) || FLOATS.contains(type)) {
      return match.values().stream()
          .filter(v -> !isNumber(v))
          .findFirst()
          .map(v -> "the value '" + v + "' is not a number, so the search fails")
          .orElse(null);
    }
    if (type.equals("boolean")) {
      return match.values().stream()
          .filter(v -> !v.equals("true") && !v.equals("false"))
          .findFirst()
          .map(v -> "the value '" + v + "' is not true or false, so the search fails")
          .orElse(null);
    }
    return KEYWORDS.contains(type) || type.equals("ip") || type.equals("version")
        ? null
        : "exact values need keyword, a number or boolean";
  }

  private static String timestamp(String type, TimestampFormat format) {
    String name = format.name().toLowerCase(Locale.ROOT);
    boolean number = INTEGERS.contains(type) || FLOATS.contains(type);
    boolean date = DATES.contains(type);
    return switch (format) {
      case ISO ->
          date
              ? null
              : number
                  ? "timestampFormat is iso, but the field holds numbers"
                  : "the window and the time order compare it as text";
      case EPOCH_MILLIS ->
          date || number ? null : "the window and the time order compare it as text";
      case EPOCH_MICROS, EPOCH_NANOS ->
          number
              ? null
              : date
                  ? "a date field reads numbers as epoch milliseconds, but timestampFormat is "
                      + name
                  : "the window and the time order compare it as text";
    };
  }

  private static String suggestion(String field, MappedType t, Use use, MappedFields mapped) {
    String type = t.type();
    if (TEXTS.contains(type)) {
      for (String sub : List.of(field + ".keyword", field + ".raw")) {
        if (mapped.of(sub).stream().anyMatch(s -> KEYWORDS.contains(s.type()))) {
          return "use " + sub + " (keyword)";
        }
      }
    }
    if (type.equals("object")) {
      return mapped.names().stream()
          .filter(n -> n.startsWith(field + "."))
          .findFirst()
          .map(n -> "name a field inside it, e.g. " + n)
          .orElse("name a field inside it");
    }
    if (use instanceof Timestamp ts) {
      return ts.format() == TimestampFormat.ISO
              && !DATES.contains(type)
              && !TEXTS.contains(type)
              && !KEYWORDS.contains(type)
          ? "set timestampFormat to the numbers' unit (epoch_millis, epoch_micros, epoch_nanos)"
          : ts.format() == TimestampFormat.ISO || ts.format() == TimestampFormat.EPOCH_MILLIS
              ? "map it as date in the index template"
              : "map it as long in the index template, or correct timestampFormat";
    }
    if (use instanceof AtLeast) {
      return "map it as a number (long) in the index template, or use in: [...] with exact values";
    }
    if (use instanceof Match
        && (INTEGERS.contains(type) || FLOATS.contains(type) || type.equals("boolean"))) {
      return "correct the condition's values";
    }
    return "map it as keyword in the index template";
  }

  /**
   * A field no index maps. The suggestion is general; a caller that knows the names of other fields
   * may offer the closest one instead.
   */
  private static Finding missing(String field, String what) {
    return new Finding(
        field,
        Kind.MISSING,
        "not mapped in any index of the pattern" + (what == null ? "" : " (" + what + ")"),
        "check the name against the mapping; a field no document has had yet is not mapped"
            + " (dynamic mapping): map it in the index template");
  }

  /** The nearest enclosing nested field of {@code field}, if any. */
  private static Optional<String> nestedParent(String field, MappedFields mapped) {
    for (int dot = field.lastIndexOf('.'); dot > 0; dot = field.lastIndexOf('.', dot - 1)) {
      String parent = field.substring(0, dot);
      if (mapped.of(parent).stream().anyMatch(t -> t.type().equals("nested"))) {
        return Optional.of(parent);
      }
    }
    return Optional.empty();
  }

  /** " in 2 of 5 indices (a, b)" when not all of the pattern's indices map it so. */
  private static String where(MappedType t, MappedFields mapped) {
    if (t.indices().isEmpty()) {
      return "";
    }
    List<String> shown = t.indices().subList(0, Math.min(3, t.indices().size()));
    return " in "
        + t.indices().size()
        + " of "
        + mapped.indices().size()
        + " indices ("
        + String.join(", ", shown)
        + (t.indices().size() > shown.size() ? ", ..." : "")
        + ")";
  }

  private static boolean isNumber(String value) {
    try {
      new BigDecimal(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
