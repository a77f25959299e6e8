package org.hopscope.playbook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hopscope.config.Problems;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML part of a playbook (the front matter, a check or next block) as a mapping checked against
 * the keys it allows: unknown keys (with the closest known one), duplicates and wrong value types
 * are reported with their line and column in the whole file.
 */
final class YamlBlock {

  private final Node node;
  private final String what;
  private final Problems problems;
  private final Map<String, Node> values = new LinkedHashMap<>();

  private YamlBlock(MappingNode node, String what, List<String> known, Problems problems) {
    this.node = node;
    this.what = what;
    this.problems = problems;
    Map<String, Node> keys = new LinkedHashMap<>();
    for (NodeTuple entry : node.getValue()) {
      Node keyNode = entry.getKeyNode();
      if (!(keyNode instanceof ScalarNode scalarKey)) {
        problems.at(keyNode, what + ": a key must be a plain name, got " + describe(keyNode));
        continue;
      }
      String key = scalarKey.getValue();
      if (keys.containsKey(key)) {
        problems.at(
            keyNode,
            what + ": duplicate key '" + key + "' (first at line " + line(keys.get(key)) + ")");
      } else if (!known.contains(key)) {
        String hint = closest(key, known).map(k -> "; did you mean '" + k + "'?").orElse("");
        if (node.getFlowStyle() == FlowStyle.FLOW
            && entry.getValueNode() instanceof ScalarNode v
            && v.getTag().equals(Tag.NULL)) {
          hint += "; inside {...} a ', ' ends a value, so quote text that holds commas";
        }
        problems.at(
            keyNode,
            what
                + ": unknown key '"
                + key
                + "' (expected one of: "
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
   * Parses {@code text}, which starts on 1-based line {@code firstLine} of the file, so that every
   * node's marks are lines of the whole file. Empty when it is not one YAML document (reported).
   */
  static Optional<Node> compose(String text, int firstLine, String what, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(problems.file())
            .setUseMarks(true)
            .setMaxAliasesForCollections(20)
            .build();
    try {
      Optional<Node> root = new Compose(settings).composeString("\n".repeat(firstLine - 1) + text);
      if (root.isEmpty()) {
        problems.at(firstLine, 1, what + " is empty");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      String context =
          e.getContext() != null && e.getContextMark().isPresent()
              ? " ("
                  + e.getContext()
                  + " at line "
                  + (e.getContextMark().get().getLine() + 1)
                  + ", column "
                  + (e.getContextMark().get().getColumn() + 1)
                  + ")"
              : "";
      problems.at(e.getProblemMark(), what + ": invalid YAML: " + e.getProblem() + context);
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.at(firstLine, 1, what + ": invalid YAML: " + e.getMessage());
      return Optional.empty();
    }
  }

  /** {@code node} as a checked mapping, or null when it is not a mapping (reported). */
  static YamlBlock of(Node node, String what, List<String> known, Problems problems) {
    if (node instanceof MappingNode mapping) {
      return new YamlBlock(mapping, what, known, problems);
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

  Node node() {
    return node;
  }

  String what() {
    return what;
  }

  /** The keys present and known, in file order, with their value nodes. */
  Map<String, Node> values() {
    return values;
  }

  Problems problems() {
    return problems;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  Node get(String key) {
    return values.get(key);
  }

  void missing(String key, String expected) {
    problems.at(node, what + ": missing required key '" + key + "' (expected " + expected + ")");
  }

  /** The scalar text of {@code key}; null when absent or not text (reported). */
  String string(String key, String expected) {
    Node value = values.get(key);
    return value == null ? null : scalar(value, what + ": '" + key + "'", expected, problems);
  }

  /** Like {@link #string} but a missing key is reported too. */
  String requireString(String key, String expected) {
    if (!has(key)) {
      missing(key, expected);
      return null;
    }
    return string(key, expected);
  }

  /** The items of the list at {@code key}; empty when absent or not a list (reported). */
  List<Node> list(String key, String expected) {
    Node value = values.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    problems.at(value, what + ": '" + key + "': expected " + expected + ", got " + describe(value));
    return List.of();
  }

  /** The text of a scalar node; null (reported) when it is a list, a mapping or null. */
  static String scalar(Node value, String where, String expected, Problems problems) {
    if (value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return s.getValue();
    }
    problems.at(value, where + ": expected " + expected + ", got " + describe(value));
    return null;
  }

  /** How messages name what was found instead. */
  static String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof ScalarNode s) {
      return s.getTag().equals(Tag.NULL) ? "no value" : "'" + s.getValue() + "'";
    }
    return node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  /** The 1-based line of a node. */
  static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** The closest of {@code known} to {@code typed}, as the path-definition reader suggests it. */
  static Optional<String> closest(String typed, Collection<String> known) {
    return org.hopscope.config.ClosestName.of(typed, known);
  }
}
