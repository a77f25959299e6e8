package org.hopscope.model.playbook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hopscope.model.PathDef;

/**
 * Binds a playbook's variables and says where each value came from. From weakest to strongest:
 *
 * <ol>
 *   <li>the playbook's default ({@code window} 30m and {@code message_id} "" when not declared);
 *   <li>the path (when the default is empty): {@code path} its name, {@code hop} its first hop;
 *   <li>the check window: {@code window} is its length;
 *   <li>context, what the engineer looks at (the search bar, the open incident), except for a
 *       variable the playbook pins ({@code pinned: true}), which keeps its value and notes the
 *       context value it did not take; a context window does not change a pinned {@code window};
 *   <li>values given on purpose: an alert link's parameters, {@code --var}, the variables form.
 * </ol>
 *
 * {@code path}, {@code hop}, {@code window} and {@code message_id} are always bound.
 */
public final class PlaybookVariables {

  /** The variables every playbook has without declaring them. */
  public static final List<String> BUILT_IN = List.of("path", "hop", "window", "message_id");

  /** {@code window} when neither the playbook nor a window gives one. */
  public static final String DEFAULT_WINDOW = "30m";

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private PlaybookVariables() {}

  /**
   * The bound variables as a map, in declaration order, then the always-present ones: {@code given}
   * over the defaults (no context, no window).
   *
   * @param path the path the playbook runs against (for the defaults of path and hop), or null
   * @param given the caller's values (e.g. from {@code --var k=v}); never null
   * @throws IllegalArgumentException naming a given variable the playbook does not declare (and is
   *     none of path, hop, window, message_id)
   */
  public static Map<String, String> bind(
      Playbook playbook, PathDef path, Map<String, String> given) {
    return values(resolve(playbook, path, null, Map.of(), given, ValueOrigin.GIVEN));
  }

  /**
   * Every variable with its value and origin (see the class comment for the order).
   *
   * @param path the path, or null
   * @param window the window the checks look at (gives {@code window}), or null
   * @param context what the engineer looks at (e.g. path, hop from the search bar), its origin
   *     {@link ValueOrigin#SEARCH_BAR}; names the playbook does not have are ignored
   * @param given values given on purpose; never null
   * @param givenOrigin {@link ValueOrigin#LINK} or {@link ValueOrigin#GIVEN}
   * @throws IllegalArgumentException naming a given variable the playbook does not have
   */
  public static List<VariableValue> resolve(
      Playbook playbook,
      PathDef path,
      CheckWindow window,
      Map<String, String> context,
      Map<String, String> given,
      ValueOrigin givenOrigin) {
    Map<String, VariableValue> bound = new LinkedHashMap<>();
    for (Playbook.Variable v : playbook.variables()) {
      String d = v.defaultValue() == null ? "" : v.defaultValue();
      bound.put(
          v.name(),
          new VariableValue(v.name(), d, ValueOrigin.DEFAULT, v.description(), v.pinned(), null));
    }
    for (String name : BUILT_IN) {
      bound.putIfAbsent(
          name,
          new VariableValue(
              name,
              name.equals("window") ? DEFAULT_WINDOW : "",
              ValueOrigin.DEFAULT,
              "",
              false,
              null));
    }
    if (path != null) {
      fillEmpty(bound, "path", path.name());
      if (!path.hops().isEmpty()) {
        fillEmpty(bound, "hop", path.hops().get(0).name());
      }
    }
    if (window != null) {
      take(bound, "window", window.windowVariable(), window.origin());
    }
    for (Map.Entry<String, String> e : context.entrySet()) {
      if (bound.containsKey(e.getKey()) && e.getValue() != null && !e.getValue().isBlank()) {
        take(bound, e.getKey(), e.getValue(), ValueOrigin.SEARCH_BAR);
      }
    }
    for (Map.Entry<String, String> e : given.entrySet()) {
      if (!bound.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "playbook "
                + playbook.id()
                + " has no variable '"
                + e.getKey()
                + "'; it has "
                + String.join(", ", bound.keySet()));
      }
      String value = e.getValue() == null ? "" : e.getValue();
      bound.put(e.getKey(), bound.get(e.getKey()).with(value, givenOrigin));
    }
    return List.copyOf(bound.values());
  }

  /** {@code resolved} as name to value, in order. */
  public static Map<String, String> values(List<VariableValue> resolved) {
    Map<String, String> out = new LinkedHashMap<>();
    resolved.forEach(v -> out.put(v.name(), v.value()));
    return out;
  }

  private static void fillEmpty(Map<String, VariableValue> bound, String name, String value) {
    VariableValue v = bound.get(name);
    if (v.value().isEmpty()) {
      bound.put(name, v.with(value, ValueOrigin.PATH));
    }
  }

  /** Context (or the window) sets {@code name}, unless the playbook pins it. */
  private static void take(
      Map<String, VariableValue> bound, String name, String value, ValueOrigin origin) {
    VariableValue v = bound.get(name);
    if (v.pinned() && origin.context()) {
      if (!value.equals(v.value())) {
        bound.put(
            name, new VariableValue(name, v.value(), v.origin(), v.description(), true, value));
      }
      return;
    }
    bound.put(name, v.with(value, origin));
  }

  /**
   * {@code text} with every {@code ${name}} replaced by its value verbatim: for values used as data
   * (an Elasticsearch term or phrase), never for query text.
   *
   * @throws IllegalArgumentException for a reference to an unbound variable
   */
  public static String substitute(String text, Map<String, String> values) {
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "${" + m.group(1) + "} is not a variable of the playbook");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
