package org.hopscope.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/** Parses YAML text into a node tree that keeps line and column of every node. */
final class YamlFile {

  private YamlFile() {}

  /**
   * The document's root node, or empty when the text is not one YAML document (the reason is added
   * to {@code problems} with its position).
   */
  static Optional<Node> compose(String text, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(problems.file())
            .setUseMarks(true)
            .setMaxAliasesForCollections(20)
            .build();
    try {
      Optional<Node> root = new Compose(settings).composeString(text);
      if (root.isEmpty()) {
        problems.wholeFile("the file is empty");
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      StringBuilder message = new StringBuilder("invalid YAML: ").append(e.getProblem());
      if (e.getContext() != null && e.getContextMark().isPresent()) {
        message
            .append(" (")
            .append(e.getContext())
            .append(" at line ")
            .append(e.getContextMark().get().getLine() + 1)
            .append(", column ")
            .append(e.getContextMark().get().getColumn() + 1)
            .append(")");
      } else if (e.getContext() != null) {
        message.append(" (").append(e.getContext()).append(")");
      }
      problems.at(e.getProblemMark(), message.toString());
      return Optional.empty();
    } catch (YamlEngineException e) {
      problems.wholeFile("invalid YAML: " + e.getMessage());
      return Optional.empty();
    }
  }
}
