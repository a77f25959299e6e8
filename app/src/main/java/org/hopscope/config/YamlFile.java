package org.hopscope.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Parses YAML text into a node tree that keeps line and column of every node, held to {@link
 * FileLimits}: code points, line length, nesting depth (checked on the parser's events before the
 * recursive composer runs, so a deeply nested file cannot overflow the stack) and aliases of lists
 * and mappings (a "billion laughs" file cannot blow up memory; an alias inside what it names is
 * refused). Every path definition, profile and playbook part is parsed here.
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
            .setMaxAliasesForCollections(FileLimits.MAX_ALIASES)
            .setCodePointLimit(FileLimits.MAX_CODE_POINTS + firstLine)
            .build();
    if (!FileLimits.check(text, 1, problems)) {
      return Optional.empty();
    }
    try {
      if (!withinLimits(new Parse(settings).parseString(text), prefix, problems)) {
        return Optional.empty();
      }
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

  /**
   * Whether the events keep the nesting and alias limits (else the first problem is reported). The
   * parser is iterative; only the composer recurses, so this runs before it.
   */
  private static boolean withinLimits(Iterable<Event> events, String prefix, Problems problems) {
    int depth = 0;
    int aliases = 0;
    Set<String> collections = new HashSet<>();
    Deque<String> open = new ArrayDeque<>();
    for (Event event : events) {
      switch (event.getEventId()) {
        case MappingStart, SequenceStart -> {
          depth++;
          if (depth > FileLimits.MAX_DEPTH) {
            problems.at(
                event.getStartMark(),
                prefix
                    + "lists and mappings are nested more than "
                    + FileLimits.MAX_DEPTH
                    + " levels deep (limit: nesting depth); Hopscope's files need fewer than 10:"
                    + " check the indentation and the brackets");
            return false;
          }
          String anchor = ((NodeEvent) event).getAnchor().map(Anchor::getValue).orElse("");
          if (!anchor.isEmpty()) {
            collections.add(anchor);
          }
          open.push(anchor);
        }
        case MappingEnd, SequenceEnd -> {
          depth--;
          open.pop();
        }
        case Alias -> {
          String name = ((AliasEvent) event).getAlias().getValue();
          if (open.contains(name)) {
            problems.at(
                event.getStartMark(),
                prefix
                    + "alias *"
                    + Snippet.plain(name)
                    + " is inside the list or mapping it names (limit: recursion); an alias can"
                    + " only repeat something complete");
            return false;
          }
          if (collections.contains(name) && ++aliases > FileLimits.MAX_ALIASES) {
            problems.at(
                event.getStartMark(),
                prefix
                    + "more than "
                    + FileLimits.MAX_ALIASES
                    + " aliases of lists and mappings (limit: aliases); write the values out"
                    + " instead of repeating them with *aliases");
            return false;
          }
        }
        default -> {
          // scalars, documents and the stream do not nest
        }
      }
    }
    return true;
  }
}
