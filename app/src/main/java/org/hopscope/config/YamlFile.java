package org.hopscope.config;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Parses YAML text into a node tree that keeps line and column of every node. Aliases are bounded
 * (a hostile file cannot blow up memory).
 */
public final class YamlFile {

  private YamlFile() {}

  /**
   * The document's root node, or empty when the text is not one YAML document (the reason is added
   * to {@code problems} with its position).
   */
  public static Optional<Node> compose(String text, Problems problems) {
    return compose(text, 1, "", problems);
  }

  /**
   * Parses a YAML part of a bigger file (a playbook's front matter or a fenced block) that starts
   * on 1-based line {@code firstLine}, so that every node's marks are lines of the whole file.
   *
   * @param what how messages name the part, e.g. {@code front matter}
   */
  public static Optional<Node> composePart(
      String text, int firstLine, String what, Problems problems) {
    return compose("\n".repeat(firstLine - 1) + text, firstLine, what + ": ", problems);
  }

  private static Optional<Node> compose(
      String text, int firstLine, String prefix, Problems problems) {
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(problems.file())
            .setUseMarks(true)
            .setMaxAliasesForCollections(20)
            .build();
    try {
      Optional<Node> root = new Compose(settings).composeString(text);
      if (root.isEmpty()) {
        if (prefix.isEmpty()) {
          problems.wholeFile("the file is empty");
        } else {
          problems.at(firstLine, 1, prefix.substring(0, prefix.length() - 2) + " is empty");
        }
      }
      return root;
    } catch (MarkedYamlEngineException e) {
      String message = prefix + "invalid YAML: " + e.getProblem();
      if (e.getContext() != null && e.getContextMark().isPresent()) {
        Mark m = e.getContextMark().get();
        String at = " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
        message += " (" + e.getContext() + at + ")";
      } else if (e.getContext() != null && prefix.isEmpty()) {
        message += " (" + e.getContext() + ")";
      }
      problems.at(e.getProblemMark(), message);
      return Optional.empty();
    } catch (YamlEngineException e) {
      if (prefix.isEmpty()) {
        problems.wholeFile("invalid YAML: " + e.getMessage());
      } else {
        problems.at(firstLine, 1, prefix + "invalid YAML: " + e.getMessage());
      }
      return Optional.empty();
    }
  }
}
