package org.hopscope.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads a masking file:
 *
 * <pre>
 * builtins: true            # keep the built-in rules (default true)
 * patterns:                 # extra rules, run after the built-in ones, in file order
 *   - name: customer-number
 *     regex: 'CUST-[0-9]{6}'
 *     replace: 'CUST-******' # literal text (default "***")
 * fields: [customer.name, customer.address]
 * </pre>
 */
final class MaskingFile {

  private static final Set<String> TOP_KEYS = Set.of("builtins", "patterns", "fields");
  private static final Set<String> PATTERN_KEYS = Set.of("name", "regex", "replace");

  private final String file;
  private final List<String> problems = new ArrayList<>();

  private MaskingFile(String file) {
    this.file = file;
  }

  static Masking read(Path path) {
    return parse(path.toString(), MaskingFileLimits.read(path));
  }

  /** The rules in {@code text}; {@code file} names it in error messages. */
  static Masking parse(String file, String text) {
    MaskingFile reader = new MaskingFile(file);
    Masking masking = reader.masking(text);
    if (!reader.problems.isEmpty()) {
      throw new MaskingException(
          String.join("\n", reader.problems)
              + "\nFix the masking file (format: docs/post-mortem.md) and export again.");
    }
    return masking;
  }

  private Masking masking(String text) {
    Optional<Node> root;
    try {
      LoadSettings settings =
          LoadSettings.builder()
              .setLabel(file)
              .setUseMarks(true)
              .setMaxAliasesForCollections(MaskingFileLimits.MAX_ALIASES)
              .setCodePointLimit(MaskingFileLimits.MAX_BYTES)
              .build();
      Optional<String> limit = MaskingFileLimits.problem(file, text, settings);
      if (limit.isPresent()) {
        problems.add(limit.get());
        return null;
      }
      root = new Compose(settings).composeString(text);
    } catch (MarkedYamlEngineException e) {
      problem(e.getProblemMark(), "invalid YAML: " + e.getProblem());
      return null;
    } catch (YamlEngineException e) {
      problems.add(file + ": invalid YAML: " + e.getMessage());
      return null;
    }
    if (root.isEmpty()) {
      problems.add(file + ": the file is empty; write at least `builtins: true`");
      return null;
    }
    if (!(root.get() instanceof MappingNode top)) {
      problem(root.get(), "expected a mapping with builtins, patterns and fields");
      return null;
    }
    Masking masking = Masking.defaults();
    List<String> fields = new ArrayList<>();
    List<NodeTuple> patterns = new ArrayList<>();
    for (NodeTuple tuple : top.getValue()) {
      String key = scalar(tuple.getKeyNode(), "a key");
      if (key == null) {
        continue;
      }
      Node value = tuple.getValueNode();
      switch (key) {
        case "builtins" -> {
          String flag = scalar(value, "true or false");
          if ("false".equals(flag)) {
            masking = Masking.none();
          } else if (flag != null && !"true".equals(flag)) {
            problem(value, "builtins must be true or false, not '" + flag + "'");
          }
        }
        case "patterns" -> patterns.add(tuple);
        case "fields" -> fields.addAll(strings(value, "fields"));
        default -> problem(tuple.getKeyNode(), unknown(key, TOP_KEYS));
      }
    }
    for (NodeTuple tuple : patterns) {
      for (MaskRule rule : rules(tuple.getValueNode())) {
        masking = masking.withRule(rule);
      }
    }
    return masking.withFields(fields);
  }

  private List<MaskRule> rules(Node node) {
    List<MaskRule> out = new ArrayList<>();
    if (!(node instanceof SequenceNode list)) {
      problem(node, "patterns must be a list of {name, regex, replace}");
      return out;
    }
    for (Node item : list.getValue()) {
      if (!(item instanceof MappingNode map)) {
        problem(item, "a pattern must be a mapping with name, regex and replace");
        continue;
      }
      String name = null;
      String regex = null;
      Node regexNode = item;
      String replace = "***";
      for (NodeTuple tuple : map.getValue()) {
        String key = scalar(tuple.getKeyNode(), "a key");
        if (key == null) {
          continue;
        }
        switch (key) {
          case "name" -> name = scalar(tuple.getValueNode(), "a name");
          case "regex" -> {
            regex = scalar(tuple.getValueNode(), "a regular expression");
            regexNode = tuple.getValueNode();
          }
          case "replace" -> replace = scalar(tuple.getValueNode(), "the replacement text");
          default -> problem(tuple.getKeyNode(), unknown(key, PATTERN_KEYS));
        }
      }
      if (name == null || name.isBlank()) {
        problem(item, "a pattern needs a name (shown in errors and docs)");
      } else if (regex == null || regex.isEmpty()) {
        problem(item, "pattern '" + name + "' needs a regex");
      } else {
        try {
          Pattern pattern = Pattern.compile(regex);
          if (pattern.matcher("").matches()) {
            problem(
                regexNode,
                "pattern '" + name + "' matches the empty string; it would mask nothing");
          } else if (replace != null) {
            out.add(MaskRule.literal(name, pattern, replace));
          }
        } catch (PatternSyntaxException e) {
          problem(
              regexNode,
              "pattern '"
                  + name
                  + "' is not a valid Java regular expression: "
                  + e.getDescription()
                  + " near index "
                  + e.getIndex());
        }
      }
    }
    return out;
  }

  private List<String> strings(Node node, String what) {
    List<String> out = new ArrayList<>();
    if (!(node instanceof SequenceNode list)) {
      problem(node, what + " must be a list, e.g. [customer.name, customer.email]");
      return out;
    }
    for (Node item : list.getValue()) {
      String value = scalar(item, "a field name");
      if (value != null && (value.isBlank() || value.startsWith(".") || value.endsWith("."))) {
        problem(item, "'" + value + "' is not a field name; use dotted keys like customer.name");
      } else if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  private String scalar(Node node, String what) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    problem(node, "expected " + what + " here, found a " + kind(node));
    return null;
  }

  private static String kind(Node node) {
    return node instanceof MappingNode
        ? "mapping"
        : node instanceof SequenceNode ? "list" : "value";
  }

  private static String unknown(String key, Set<String> known) {
    return "unknown key '" + key + "'; expected one of " + known.stream().sorted().toList();
  }

  private void problem(Node node, String message) {
    problem(node.getStartMark(), message);
  }

  private void problem(Optional<Mark> mark, String longMessage) {
    String message =
        longMessage.length() <= 300
            ? longMessage
            : longMessage.substring(0, 200)
                + " […] "
                + longMessage.substring(longMessage.length() - 80);
    if (mark.isPresent()) {
      problems.add(
          file
              + ":"
              + (mark.get().getLine() + 1)
              + ":"
              + (mark.get().getColumn() + 1)
              + ": "
              + message);
    } else {
      problems.add(file + ": " + message);
    }
  }
}
