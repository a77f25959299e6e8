package org.hopscope.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping checked against the keys a format allows: unknown keys (with the closest known
 * one), duplicate keys and wrong value types are added to {@link Problems} with their position;
 * readers then take values out without further ceremony. Shared by the configuration readers and
 * the playbook reader.
 */
public final class YamlMap {

  private final Node node;
  private String what;
  private final String prefix;
  private final Problems problems;
  private final Map<String, Node> values = new LinkedHashMap<>();

  private YamlMap(
      MappingNode node, String what, boolean named, List<String> known, Problems problems) {
    this.node = node;
    this.what = what;
    this.prefix = named ? what + ": " : "";
    this.problems = problems;
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple entry : node.getValue()) {
      Node keyNode = entry.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        problems.at(keyNode, prefix + "a key must be a plain name, got " + describe(keyNode));
        continue;
      }
      String key = scalarKey.getValue();
      if (keys.containsKey(key)) {
        problems.at(
            keyNode,
            prefix
                + "duplicate key "
                + Snippet.quote(key)
                + " (first at line "
                + line(keys.get(key))
                + ")");
      } else if (!known.contains(key)) {
        String hint = ClosestName.of(key, known).map(k -> "; did you mean '" + k + "'?").orElse("");
        if (node.getFlowStyle() == FlowStyle.FLOW
            && entry.getValueNode() instanceof ScalarNode v
            && v.getTag().equals(Tag.NULL)) {
          hint += "; inside {...} a ', ' ends a value, so quote text that holds commas";
        }
        problems.at(
            keyNode,
            prefix
                + "unknown key "
                + Snippet.quote(key)
                + " (expected one of: "
                + String.join(", ", known)
                + hint
                + ")");
      } else {
        values.put(key, entry.getValueNode());
      }
      keys.putIfAbsent(key, keyNode);
    }
  }

  /**
   * {@code node} as a checked mapping, or null when it is not a mapping (reported).
   *
   * @param what how messages name it, e.g. {@code hop 'orders.v1'}
   * @param known the keys allowed, in the order messages list them
   */
  public static YamlMap of(Node node, String what, List<String> known, Problems problems) {
    return of(node, what, false, known, problems);
  }

  /**
   * Like {@link #of} but every message about a key starts with {@code what}, for formats whose
   * parts are many small mappings (a playbook's front matter, check and next blocks).
   */
  public static YamlMap named(Node node, String what, List<String> known, Problems problems) {
    return of(node, what, true, known, problems);
  }

  private static YamlMap of(
      Node node, String what, boolean named, List<String> known, Problems problems) {
    if (node instanceof MappingNode mapping) {
      return new YamlMap(mapping, what, named, known, problems);
    }
    problems.at(
        node,
        what
            + ": expected a mapping with keys "
            + String.join(", ", known)
            + ", got "
            + describe(node));
    return null;
  }

  public Node node() {
    return node;
  }

  public String what() {
    return what;
  }

  /** Names it better once its content tells more, e.g. {@code hop 'b'} instead of {@code hop 2}. */
  public void rename(String what) {
    this.what = what;
  }

  public Problems problems() {
    return problems;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public Node get(String key) {
    return values.get(key);
  }

  /** The value node of a required {@code key}; null when absent (reported). */
  public Node require(String key, String expected) {
    if (!has(key)) {
      missing(key, expected);
    }
    return get(key);
  }

  /** Reports that a required key is absent. */
  public void missing(String key, String expected) {
    problems.at(node, what + ": missing required key '" + key + "' (expected " + expected + ")");
  }

  /** The scalar text of {@code key}; null when absent or not text (reported). */
  public String string(String key, String expected) {
    Node value = values.get(key);
    return value == null ? null : scalar(value, prefix + "'" + key + "'", expected, problems);
  }

  /** Like {@link #string} but a missing key is reported too. */
  public String requireString(String key, String expected) {
    return require(key, expected) == null ? null : string(key, expected);
  }

  /** {@code text} (the value at {@code key}) parsed; null when absent or invalid (reported). */
  <T> T parsed(String key, String text, Function<String, T> parse) {
    if (text == null) {
      return null;
    }
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      problems.at(values.get(key), prefix + "'" + key + "': " + e.getMessage());
      return null;
    }
  }

  /** The items of the list at {@code key}; empty when absent or not a list (reported). */
  public List<Node> list(String key, String expected) {
    Node value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problems.at(value, prefix + "'" + key + "': expected " + expected + ", got " + describe(value));
    return List.of();
  }

  /** The boolean at {@code key}; null when absent or not {@code true}/{@code false} (reported). */
  public Boolean bool(String key) {
    Node value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return Boolean.valueOf(s.getValue());
    }
    problems.at(value, prefix + "'" + key + "': expected true or false, got " + describe(value));
    return null;
  }

  /**
   * The text of a scalar node; null (reported) when it is a list, a mapping or null. Numbers and
   * booleans count as text: {@code in: [500]} means the string {@code 500}.
   *
   * @param where how the message names the value, e.g. {@code 'in'} or {@code front matter: 'id'}
   */
  public static String scalar(Node value, String where, String expected, Problems problems) {
    if (value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    problems.at(value, where + ": expected " + expected + ", got " + describe(value));
    return null;
  }

  /** The 1-based line of a node (0 when unknown). */
  public static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** How messages name what was found instead. */
  public static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof ScalarNode s) {
      return s.getTag().equals(Tag.NULL) ? "no value" : Snippet.quote(s.getValue());
    }
    return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
