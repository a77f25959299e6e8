package org.hopscope.playbook;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hopscope.config.ConfigException;
import org.hopscope.config.PathCatalog;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.model.promql.PromQl;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * Reads playbook files ({@code playbooks/ID.md}: Markdown with YAML front matter, format in {@code
 * docs/playbooks.md}) into {@link Playbook}s. Every problem of a file is reported at once, each as
 * {@code file:line:column: what was wrong and what to do}. Stateless and thread-safe.
 */
public final class PlaybookReader {

  private final PathCatalog paths;

  /** A reader that does not check path and hop names (no path definitions at hand). */
  public PlaybookReader() {
    this(null);
  }

  /**
   * A reader that also checks {@code applies_to} paths and hops and the hops of {@code es:} checks
   * against these path definitions.
   *
   * @param paths the path definitions, or null not to check names
   */
  public PlaybookReader(PathCatalog paths) {
    this.paths = paths;
  }

  /**
   * Reads one file; the file's name is used in messages and as {@link Playbook#origin()}.
   *
   * @throws ConfigException with every problem of the file
   */
  public Playbook read(Path file) {
    PlaybookProblems problems = new PlaybookProblems(file.toString());
    String text = null;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      problems.wholeFile("not UTF-8 text; save the file as UTF-8");
    } catch (java.nio.file.NoSuchFileException e) {
      problems.wholeFile("no such file");
    } catch (IOException e) {
      problems.wholeFile("cannot read: " + e);
    }
    Optional<Playbook> playbook = text == null ? Optional.empty() : read(text, problems);
    return playbook.orElseThrow(() -> new ConfigException(problems.sorted()));
  }

  /**
   * Reads {@code text} as the content of a file named {@code origin}.
   *
   * @throws ConfigException with every problem found
   */
  public Playbook parse(String text, String origin) {
    PlaybookProblems problems = new PlaybookProblems(origin);
    return read(text, problems).orElseThrow(() -> new ConfigException(problems.sorted()));
  }

  private Optional<Playbook> read(String text, PlaybookProblems problems) {
    PlaybookText.Parts parts = PlaybookText.split(text, problems);
    if (parts.frontMatter() == null && !problems.isEmpty() && parts.steps().isEmpty()) {
      return Optional.empty();
    }
    Head head = parts.frontMatter() == null ? null : head(parts.frontMatter(), problems);
    Set<String> variables = new LinkedHashSet<>(PlaybookFormat.BUILT_IN_VARIABLES);
    Set<String> hops = null;
    if (head != null) {
      head.variables().forEach(v -> variables.add(v.name()));
      hops = head.hops();
    }
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    List<Step> steps =
        steps(parts.steps(), new CheckReader(problems, lines, variables, hops), problems);
    if (!problems.isEmpty() || head == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Playbook(
            head.id(), head.title(), head.appliesTo(), head.variables(), steps, problems.file()));
  }

  /** What the front matter says, plus the hops its paths have (null when not checked). */
  private record Head(
      String id,
      String title,
      Playbook.AppliesTo appliesTo,
      List<Playbook.Variable> variables,
      Set<String> hops) {}

  private Head head(PlaybookText.FrontMatter fm, PlaybookProblems problems) {
    YamlBlock top =
        YamlBlock.compose(fm.yaml(), fm.firstLine(), "front matter", problems)
            .map(root -> YamlBlock.of(root, "front matter", PlaybookFormat.FRONT_MATTER, problems))
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
                + " got '"
                + id
                + "'");
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
    YamlBlock applies = null;
    if (top.has("applies_to")) {
      applies =
          YamlBlock.of(
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
    return new Head(id, title, appliesTo, variables, hops(applies, appliesTo, problems));
  }

  private static List<String> names(YamlBlock map, String key) {
    List<String> out = new ArrayList<>();
    for (Node item : map.list(key, "a list of names")) {
      String name =
          YamlBlock.scalar(item, map.what() + ": '" + key + "'", "a name", map.problems());
      if (name != null) {
        out.add(name);
      }
    }
    return out;
  }

  private static List<Playbook.Variable> variables(YamlBlock top, PlaybookProblems problems) {
    List<Playbook.Variable> out = new ArrayList<>();
    Node node = top.get("variables");
    if (node == null) {
      return out;
    }
    if (!(node instanceof MappingNode mapping)) {
      problems.at(
          node,
          "front matter: 'variables': expected a mapping of name: {default, description}, got "
              + YamlBlock.describe(node));
      return out;
    }
    for (NodeTuple entry : mapping.getValue()) {
      String name =
          YamlBlock.scalar(entry.getKeyNode(), "front matter: variable", "a name", problems);
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
      Node value = entry.getValueNode();
      if (!(value instanceof ScalarNode s && s.getValue().isEmpty())) {
        YamlBlock v = YamlBlock.of(value, what, PlaybookFormat.VARIABLE, problems);
        if (v == null) {
          continue;
        }
        defaultValue =
            Optional.ofNullable(v.string("default", "the value used when none is bound"))
                .orElse("");
        description = Optional.ofNullable(v.string("description", "what it is")).orElse("");
        if (name.equals("window") && !defaultValue.isEmpty() && !PromQl.isDuration(defaultValue)) {
          problems.at(
              v.get("default"),
              what
                  + ": 'default': expected a duration such as 30m or 1h, got '"
                  + defaultValue
                  + "'");
        }
      }
      out.add(new Playbook.Variable(name, defaultValue, description.strip()));
    }
    return out;
  }

  /** The hops of the applies_to paths (all paths when none named), or null without a catalog. */
  private Set<String> hops(
      YamlBlock applies, Playbook.AppliesTo appliesTo, PlaybookProblems problems) {
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

  private static List<Step> steps(
      List<PlaybookText.Section> sections, CheckReader checks, PlaybookProblems problems) {
    Map<String, PlaybookText.Section> ids = new LinkedHashMap<>();
    for (PlaybookText.Section s : sections) {
      if (s.id() == null) {
        continue;
      }
      if (!PlaybookFormat.ID.matcher(s.id()).matches() || s.id().equals(NextRule.END)) {
        problems.at(
            s.line(),
            s.idColumn(),
            "step id '"
                + s.id()
                + "': "
                + (s.id().equals(NextRule.END)
                    ? "'end' is reserved for ending the walk-through; choose another id"
                    : "use lowercase letters, digits and '-' such as lag-growing"));
      } else if (ids.containsKey(s.id())) {
        problems.at(
            s.line(),
            s.idColumn(),
            "duplicate step id '"
                + s.id()
                + "' (first at line "
                + ids.get(s.id()).line()
                + "); step ids must be unique");
      } else {
        ids.put(s.id(), s);
      }
    }
    if (sections.isEmpty()) {
      problems.wholeFile("no steps: add at least one section '## Title {#step-id}'");
    }
    List<Step> steps = new ArrayList<>();
    for (PlaybookText.Section s : sections) {
      String id = s.id() == null ? "line " + s.line() : s.id();
      Check check = null;
      List<CheckReader.Located> next = List.of();
      PlaybookText.Block firstCheck = null;
      PlaybookText.Block firstNext = null;
      for (PlaybookText.Block b : s.blocks()) {
        boolean isCheck = b.kind().equals("check");
        PlaybookText.Block first = isCheck ? firstCheck : firstNext;
        if (first != null) {
          problems.at(
              b.line(),
              1,
              "step '"
                  + id
                  + "' has a second ```"
                  + b.kind()
                  + " block (first at line "
                  + first.line()
                  + "); a step has at most one");
        } else if (isCheck) {
          firstCheck = b;
          check = checks.check(b, id);
        } else {
          firstNext = b;
        }
      }
      if (firstNext != null) {
        next = checks.next(firstNext, id, firstCheck != null);
      }
      List<NextRule> rules = new ArrayList<>();
      for (CheckReader.Located rule : next) {
        String target = rule.rule().target();
        if (!target.equals(NextRule.END) && !ids.containsKey(target)) {
          problems.at(
              rule.target(),
              "next of step '"
                  + id
                  + "': unknown step target '"
                  + target
                  + "'; steps are: "
                  + String.join(", ", ids.keySet())
                  + " (or end)");
        }
        rules.add(rule.rule());
      }
      steps.add(new Step(id, s.title(), s.markdown(), check, rules, s.line()));
    }
    return steps;
  }
}
