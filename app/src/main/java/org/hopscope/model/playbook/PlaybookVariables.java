package org.hopscope.model.playbook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hopscope.model.PathDef;

/**
 * Binds a playbook's variables: the caller's values over the playbook's defaults; {@code path},
 * {@code hop} and {@code window} are always bound (defaults: the playbook's, else the path's name,
 * its first hop, {@code 30m}), {@code message_id} defaults to "".
 */
public final class PlaybookVariables {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private PlaybookVariables() {}

  /**
   * The bound variables, in declaration order, then the always-present ones.
   *
   * @param path the path the playbook runs against (for the defaults of path and hop), or null
   * @param given the caller's values (e.g. from {@code --var k=v}); never null
   * @throws IllegalArgumentException naming a given variable the playbook does not declare (and is
   *     none of path, hop, window, message_id)
   */
  public static Map<String, String> bind(
      Playbook playbook, PathDef path, Map<String, String> given) {
    Map<String, String> bound = new LinkedHashMap<>();
    for (Playbook.Variable v : playbook.variables()) {
      bound.put(v.name(), v.defaultValue() == null ? "" : v.defaultValue());
    }
    if (path != null) {
      bound.putIfAbsent("path", path.name());
      if (!path.hops().isEmpty()) {
        bound.putIfAbsent("hop", path.hops().get(0).name());
      }
    }
    bound.putIfAbsent("path", "");
    bound.putIfAbsent("hop", "");
    bound.putIfAbsent("window", "30m");
    bound.putIfAbsent("message_id", "");
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
      bound.put(e.getKey(), e.getValue());
    }
    return bound;
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
