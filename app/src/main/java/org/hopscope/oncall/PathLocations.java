package org.hopscope.oncall;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hopscope.config.ConfigFiles;
import org.hopscope.config.Problems;
import org.hopscope.config.YamlFile;
import org.hopscope.model.PathDef;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Where a loaded path's parts are written in its file ({@link PathDef#origin()}), for messages that
 * point at a line: a source's {@code index}, a field name inside a source or a link. The model
 * keeps no positions, so the file is read again; when it cannot be (changed, gone), positions are
 * 0.
 */
final class PathLocations {

  /** A position: 1-based line and column, 0 when unknown. */
  record Location(String file, int line, int column) {}

  private final String file;
  private final Node root;

  private PathLocations(String file, Node root) {
    this.file = file;
    this.root = root;
  }

  /** The positions of {@code path}'s file (none when it cannot be read). */
  static PathLocations of(PathDef path) {
    String file = path.origin();
    if (file == null) {
      return new PathLocations(null, null);
    }
    try {
      Problems problems = new Problems(file);
      return new PathLocations(
          file,
          ConfigFiles.read(Path.of(file), ConfigFiles.Links.INSIDE_FOLDER, problems)
              .flatMap(text -> YamlFile.compose(text, problems))
              .orElse(null));
    } catch (RuntimeException unreadable) {
      return new PathLocations(file, null);
    }
  }

  /** The {@code index:} value of source {@code source} of hop {@code hop} (0-based). */
  Location index(int hop, int source) {
    return at(source(hop, source).map(s -> value(s, "index")).orElse(null));
  }

  /** Where {@code field} is named in that source (its fields or conditions), else its index. */
  Location field(int hop, int source, String field) {
    Optional<Node> s = source(hop, source);
    Node named = s.map(n -> find(n, field)).orElse(null);
    return named != null ? at(named) : index(hop, source);
  }

  /**
   * Where {@code field} is named in link {@code link} (0-based), its {@code from} or {@code to}.
   */
  Location link(int link, boolean from, String field) {
    Node links = root == null ? null : value(root, "links");
    Node item = item(links, link);
    Node end = item == null ? null : value(item, from ? "from" : "to");
    Node named = end == null ? null : find(end, field);
    return at(named != null ? named : end != null ? end : item);
  }

  private Optional<Node> source(int hop, int source) {
    Node hops = root == null ? null : value(root, "hops");
    Node h = item(hops, hop);
    Node sources = h == null ? null : value(h, "sources");
    return Optional.ofNullable(item(sources, source));
  }

  private Location at(Node node) {
    if (node == null || node.getStartMark().isEmpty()) {
      return new Location(file, 0, 0);
    }
    var mark = node.getStartMark().get();
    return new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static Node value(Node mapping, String key) {
    if (mapping instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return t.getValueNode();
        }
      }
    }
    return null;
  }

  private static Node item(Node sequence, int index) {
    if (sequence instanceof SequenceNode s && index >= 0 && index < s.getValue().size()) {
      return s.getValue().get(index);
    }
    return null;
  }

  /** The first scalar value (not key) under {@code node} equal to {@code text}, depth first. */
  private static Node find(Node node, String text) {
    if (node instanceof ScalarNode s) {
      return s.getValue().equals(text) ? s : null;
    }
    List<Node> children =
        node instanceof SequenceNode s
            ? s.getValue()
            : node instanceof MappingNode m
                ? m.getValue().stream().map(NodeTuple::getValueNode).toList()
                : List.of();
    for (Node child : children) {
      Node found = find(child, text);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
