package org.hopscope.model.promql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A panel's PromQL with variables ({@code $hop}, {@code $service}, {@code $window}, {@code $rate};
 * also written {@code ${hop}}), checked once by {@link #parse} and rendered many times.
 *
 * <p>Where a variable stands decides how its value is written:
 *
 * <ul>
 *   <li>inside a quoted string ({@code "..."}, {@code '...'}): escaped per PromQL string rules, so
 *       the value stays inside the literal whatever it holds; inside the string of a regex matcher
 *       ({@code =~}, {@code !~}) its regex metacharacters are escaped too, so it matches literally;
 *   <li>inside a raw string ({@code `...`}): as is, but a value holding a backtick is refused;
 *   <li>outside any string: only the durations {@code $window} and {@code $rate}, and only values
 *       that are a PromQL duration ({@code ^[0-9]+(ms|s|m|h|d|w|y)$}).
 * </ul>
 *
 * Comments ({@code # ...}) are copied without substitution. A template that breaks these rules is
 * refused by {@link #parse} with the panel's name and the column. Immutable and thread-safe.
 */
public final class PromQlTemplate {

  /** The variables a template may use. */
  public static final Set<String> VARIABLES = Set.of("hop", "service", "window", "rate");

  /** The variables that are durations and may stand outside string literals. */
  public static final Set<String> DURATIONS = Set.of("window", "rate");

  /** Where a variable stands. */
  enum Context {
    OUTSIDE,
    DOUBLE_QUOTED,
    SINGLE_QUOTED,
    RAW
  }

  sealed interface Segment {}

  record Text(String text) implements Segment {}

  record Slot(String name, Context context, boolean regex, int column) implements Segment {}

  private final String panel;
  private final String source;
  private final List<Segment> segments;

  private PromQlTemplate(String panel, String source, List<Segment> segments) {
    this.panel = panel;
    this.source = source;
    this.segments = List.copyOf(segments);
  }

  /**
   * Checks and splits a template.
   *
   * @param panel the panel's title, named in errors
   * @param template the PromQL with variables
   * @throws PromQlTemplateException for an unknown variable, {@code $hop}/{@code $service} outside
   *     a quoted string, an unterminated string or unbalanced {@code ()}, {@code {}}, {@code []};
   *     the message names the panel and the 1-based column
   */
  public static PromQlTemplate parse(String panel, String template) {
    return new TemplateScanner(panel, template).scan();
  }

  static PromQlTemplate of(String panel, String source, List<Segment> segments) {
    return new PromQlTemplate(panel, source, segments);
  }

  /** The panel title given to {@link #parse}. */
  public String panel() {
    return panel;
  }

  /** The template text as written. */
  public String source() {
    return source;
  }

  /** The variables the template uses, in order of first use. */
  public Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    for (Segment s : segments) {
      if (s instanceof Slot slot) {
        names.add(slot.name());
      }
    }
    return names;
  }

  /** Renders with the variables of a hop and range. */
  public String render(PromQlVariables variables) {
    return render(variables.asMap());
  }

  /**
   * Renders with the given values (keys without {@code $}).
   *
   * @throws PromQlTemplateException when a used variable has no value, a duration variable's value
   *     is not a PromQL duration, or a value cannot be written where it stands
   */
  public String render(Map<String, String> values) {
    StringBuilder out = new StringBuilder(source.length() + 32);
    for (Segment s : segments) {
      if (s instanceof Text t) {
        out.append(t.text());
      } else if (s instanceof Slot slot) {
        out.append(valueFor(slot, values));
      }
    }
    return out.toString();
  }

  private String valueFor(Slot slot, Map<String, String> values) {
    String value = values.get(slot.name());
    if (value == null) {
      throw error(slot, "$" + slot.name() + " has no value");
    }
    String literal = slot.regex() ? PromQl.regexLiteral(value) : value;
    try {
      return switch (slot.context()) {
        case OUTSIDE -> {
          if (!PromQl.isDuration(value)) {
            throw error(
                slot,
                "$"
                    + slot.name()
                    + " stands outside a quoted string, so its value must be a PromQL duration"
                    + " such as 5m, but it is '"
                    + value
                    + "'");
          }
          yield value;
        }
        case DOUBLE_QUOTED -> PromQl.escape(literal, '"');
        case SINGLE_QUOTED -> PromQl.escape(literal, '\'');
        case RAW -> {
          if (literal.indexOf('`') >= 0) {
            throw error(
                slot,
                "the value of $"
                    + slot.name()
                    + " holds a backtick, which a raw string (`...`) cannot carry; use \"...\"");
          }
          yield literal;
        }
      };
    } catch (IllegalArgumentException e) {
      if (e instanceof PromQlTemplateException) {
        throw e;
      }
      throw error(slot, "$" + slot.name() + ": " + e.getMessage());
    }
  }

  private PromQlTemplateException error(Slot slot, String what) {
    return new PromQlTemplateException(panel, slot.column(), what);
  }

  @Override
  public String toString() {
    return source;
  }
}
