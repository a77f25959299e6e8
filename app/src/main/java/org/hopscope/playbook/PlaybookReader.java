package org.hopscope.playbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ConfigFiles;
import org.hopscope.config.FileLimits;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.Problems;
import org.hopscope.config.Snippet;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;

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
    Problems problems = new Problems(file.toString());
    Optional<Playbook> playbook =
        ConfigFiles.read(file, ConfigFiles.Links.INSIDE_FOLDER, problems)
            .flatMap(text -> read(text, problems));
    return playbook.orElseThrow(() -> new ConfigException(problems.sorted()));
  }

  /**
   * Reads {@code text} as the content of a file named {@code origin}.
   *
   * @throws ConfigException with every problem found
   */
  public Playbook parse(String text, String origin) {
    Problems problems = new Problems(origin);
    return read(text, problems).orElseThrow(() -> new ConfigException(problems.sorted()));
  }

  private Optional<Playbook> read(String text, Problems problems) {
    if (!FileLimits.check(text, 1, problems)) {
      return Optional.empty();
    }
    PlaybookText.Parts parts = PlaybookText.split(text, problems);
    if (parts.steps().size() > FileLimits.MAX_STEPS) {
      problems.at(
          parts.steps().get(FileLimits.MAX_STEPS).line(),
          1,
          "more than "
              + FileLimits.MAX_STEPS
              + " steps (limit: steps); split the playbook into several playbooks");
      return Optional.empty();
    }
    if (parts.frontMatter() == null && !problems.isEmpty() && parts.steps().isEmpty()) {
      return Optional.empty();
    }
    FrontMatterReader.Head head =
        parts.frontMatter() == null
            ? null
            : new FrontMatterReader(paths, problems).read(parts.frontMatter());
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

  private static List<Step> steps(
      List<PlaybookText.Section> sections, CheckReader checks, Problems problems) {
    Map<String, PlaybookText.Section> ids = new LinkedHashMap<>();
    for (PlaybookText.Section s : sections) {
      if (s.id() == null) {
        continue;
      }
      if (!PlaybookFormat.ID.matcher(s.id()).matches() || s.id().equals(NextRule.END)) {
        problems.at(
            s.line(),
            s.idColumn(),
            "step id "
                + Snippet.quote(s.id())
                + ": "
                + (s.id().equals(NextRule.END)
                    ? "'end' is reserved for ending the walk-through; choose another id"
                    : "use lowercase letters, digits and '-' such as lag-growing"));
      } else if (ids.containsKey(s.id())) {
        problems.at(
            s.line(),
            s.idColumn(),
            "duplicate step id "
                + Snippet.quote(s.id())
                + " (first at line "
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
                  + "': unknown step target "
                  + Snippet.quote(target)
                  + "; steps are: "
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
