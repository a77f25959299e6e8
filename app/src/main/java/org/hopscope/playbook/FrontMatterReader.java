package org.hopscope.playbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hopscope.config.DurationText;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.Problems;
import org.hopscope.config.Snippet;
import org.hopscope.config.YamlFile;
import org.hopscope.config.YamlMap;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.promql.PromQl;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads a playbook's front matter (id, title, applies_to, variables) and, with path definitions at
 * hand, checks its path and hop names.
 */
final class FrontMatterReader {

  private final PathCatalog paths;
  private final Problems problems;

  /**
   * @param paths path definitions to check names against, or null not to check
   */
  FrontMatterReader(PathCatalog paths, Problems problems) {
    this.paths = paths;
    this.problems = problems;
  }

  /** What the front matter says, plus the hops its paths have (null when not checked). */
  record Head(
      String id,
      String title,
      Playbook.AppliesTo appliesTo,
      List<Playbook.Variable> variables,
      Set<String> hops) {}

  /** The front matter, or null when it is not a mapping (reported). */
  Head read(PlaybookText.FrontMatter fm) {
    YamlMap top =
        YamlFile.composePart(fm.yaml(), fm.firstLine(), "front matter", problems)
            .map(root -> YamlMap.named(root, "front matter", PlaybookFormat.FRONT_MATTER, problems))
            .orElse(null);
    if (top == null) {
      return null;
    }
    String id = top.requireString("id", "the playbook's id, lowercase letters, digits and '-'");
    if (id != null) {
      String stem = Path.of(problems.file()).getFileName().toString();
      if (!PlaybookFormat.ID.matcher(id).matches()) {
        problems.at(
            top.get("id"),
            "front matter: 'id': expected lowercase letters, digits and '-' such as consumer-lag,"
                + " got "
                + Snippet.quote(id));
      } else if (stem.endsWith(".md") && !stem.equals(id + ".md")) {
        problems.at(
            top.get("id"),
            "front matter: 'id' is '"
                + id
                + "' but the file is "
                + stem
                + "; name the file "
                + id
                + ".md or change the id");
      }
    }
    String title = top.requireString("title", "one line saying what the playbook is for");
    Playbook.AppliesTo appliesTo = new Playbook.AppliesTo(List.of(), List.of(), List.of());
    YamlMap applies = null;
    if (top.has("applies_to")) {
      applies =
          YamlMap.named(
              top.get("applies_to"),
              "front matter: 'applies_to'",
              PlaybookFormat.APPLIES_TO,
              problems);
      if (applies != null) {
        appliesTo =
            new Playbook.AppliesTo(
                names(applies, "paths"), names(applies, "hops"), names(applies, "alerts"));
      }
    }
    List<Playbook.Variable> variables = variables(top, problems);
    return new Head(id, title, appliesTo, variables, hops(applies, appliesTo));
  }

  private static List<String> names(YamlMap map, String key) {
    List<String> out = new ArrayList<>();
    for (Node item : map.list(key, "a list of names")) {
      String name = YamlMap.scalar(item, map.what() + ": '" + key + "'", "a name", map.problems());
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }

  private static List<Playbook.Variable> variables(YamlMap top, Problems problems) {
    List<Playbook.Variable> out = new ArrayList<>();
    Node node = top.get("variables");
    if (node == null) {
      return out;
    }
    if (!(node instanceof MappingNode mapping)) {
      problems.at(
          node,
          "front matter: 'variables': expected a mapping of name: {default, description}, got "
              + YamlMap.describe(node));
      return out;
    }
    for (NodeTuple entry : mapping.getValue()) {
      String name =
          YamlMap.scalar(entry.getKeyNode(), "front matter: variable", "a name", problems);
      if (name == null) {
        continue;
      }
      String what = "front matter: variable '" + name + "'";
      if (!PlaybookFormat.VARIABLE_NAME.matcher(name).matches()) {
        problems.at(
            entry.getKeyNode(),
            what + ": expected a name of lowercase letters, digits and '_' such as message_id");
        continue;
      }
      String defaultValue = "";
      String description = "";
      boolean pinned = false;
      Node value = entry.getValueNode();
      if (!(value instanceof ScalarNode s && s.getValue().isEmpty())) {
        YamlMap v = YamlMap.named(value, what, PlaybookFormat.VARIABLE, problems);
        if (v == null) {
          continue;
        }
        defaultValue =
            Optional.ofNullable(v.string("default", "the value used when none is bound"))
                .orElse("");
        description = Optional.ofNullable(v.string("description", "what it is")).orElse("");
        pinned = Boolean.TRUE.equals(v.bool("pinned"));
        if ((name.equals("window") || name.equals("rate"))
            && !defaultValue.isEmpty()
            && !isWindow(defaultValue)) {
          problems.at(
              v.get("default"),
              what
                  + ": 'default': expected a duration of one unit such as 30m, 2h or 90s (PromQL"
                  + " ranges take one unit), got "
                  + Snippet.quote(defaultValue));
        }
      }
      out.add(new Playbook.Variable(name, defaultValue, description.strip(), pinned));
    }
    return out;
  }

  /**
   * Whether {@code text} works as a window both for PromQL (one unit: {@code 30m}) and for an
   * Elasticsearch count's lookback (above zero, a unit up to weeks).
   */
  static boolean isWindow(String text) {
    if (!PromQl.isDuration(text)) {
      return false;
    }
    try {
      DurationText.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The hops of the applies_to paths (all paths when none named), or null without a catalog. */
  private Set<String> hops(YamlMap applies, Playbook.AppliesTo appliesTo) {
    if (paths == null) {
      return null;
    }
    List<PathDef> defs = new ArrayList<>();
    List<Node> pathNodes = applies == null ? List.of() : applies.list("paths", "a list of names");
    for (int i = 0; i < appliesTo.paths().size(); i++) {
      String name = appliesTo.paths().get(i);
      Optional<PathDef> def = paths.path(name);
      if (def.isPresent()) {
        defs.add(def.get());
      } else {
        problems.at(
            pathNodes.get(i),
            "front matter: 'applies_to': unknown path '"
                + name
                + "'; known paths are "
                + String.join(", ", paths.paths().stream().map(PathDef::name).toList()));
      }
    }
    if (appliesTo.paths().isEmpty()) {
      defs.addAll(paths.paths());
    } else if (defs.isEmpty()) {
      return null; // none of its paths is known (reported): hop names cannot be checked
    }
    Set<String> hops = new LinkedHashSet<>();
    defs.forEach(p -> p.hops().stream().map(Hop::name).forEach(hops::add));
    List<Node> hopNodes = applies == null ? List.of() : applies.list("hops", "a list of names");
    for (int i = 0; i < appliesTo.hops().size(); i++) {
      if (!hops.contains(appliesTo.hops().get(i)) && defs.size() == appliesTo.paths().size()) {
        problems.at(
            hopNodes.get(i),
            "front matter: 'applies_to': unknown hop '"
                + appliesTo.hops().get(i)
                + "'; hops of the paths are "
                + String.join(", ", hops));
      }
    }
    return hops;
  }
}
