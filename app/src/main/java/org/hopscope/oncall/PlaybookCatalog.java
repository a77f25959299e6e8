package org.hopscope.oncall;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ConfigFiles;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.Problem;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.playbook.CheckPreflight;
import org.hopscope.playbook.PlaybookReader;

/**
 * What a playbooks directory holds: the playbooks that loaded and the problems of the files that
 * did not. One bad file does not hide the good ones, so the app starts with the valid ones.
 *
 * @param playbooks valid playbooks, in file name order
 * @param problems every problem of every file, by file then position; empty when all are valid
 */
public record PlaybookCatalog(List<Playbook> playbooks, List<Problem> problems) {

  public PlaybookCatalog {
    playbooks = List.copyOf(playbooks);
    problems = List.copyOf(problems);
  }

  /** Reads every {@code *.md} file directly in {@code dir} (but README.md) without path checks. */
  public static PlaybookCatalog readDirectory(Path dir) {
    return readDirectory(dir, null);
  }

  /**
   * Reads every {@code *.md} file directly in {@code dir} except {@code README.md}, each on its
   * own. A missing directory is one problem; an id used twice is a problem of the later file.
   *
   * @param paths path definitions to check path and hop names against, or null not to check
   */
  public static PlaybookCatalog readDirectory(Path dir, PathCatalog paths) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      problems.add(
          new Problem(
              dir.toString(), 0, 0, "no such directory; playbooks are read from *.md files in it"));
      return new PlaybookCatalog(List.of(), problems);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(PlaybookCatalog::isPlaybook).sorted().toList();
    } catch (IOException e) {
      problems.add(new Problem(dir.toString(), 0, 0, "cannot list the directory: " + e));
      return new PlaybookCatalog(List.of(), problems);
    }
    return read(files, paths);
  }

  /**
   * Reads the given files, each on its own (what {@code playbook validate FILES} checks). A file is
   * valid when it reads and, as far as the path definitions tell, {@code playbook run} would accept
   * it with its defaults ({@link #runProblems}).
   */
  public static PlaybookCatalog read(List<Path> files, PathCatalog paths) {
    PlaybookReader reader = new PlaybookReader(paths);
    List<Problem> problems = new ArrayList<>();
    Map<String, Playbook> byId = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        Playbook playbook = reader.read(file);
        List<Problem> run = runProblems(playbook, paths);
        if (!run.isEmpty()) {
          problems.addAll(run);
          continue;
        }
        Playbook earlier = byId.putIfAbsent(playbook.id(), playbook);
        if (earlier != null) {
          problems.add(
              new Problem(
                  file.toString(),
                  0,
                  0,
                  "playbook '"
                      + playbook.id()
                      + "' is already defined in "
                      + earlier.origin()
                      + "; give each playbook its own id"));
        }
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) {
        problems.add(
            new Problem(
                file.toString(),
                0,
                0,
                "could not be read ("
                    + e.getClass().getSimpleName()
                    + "); this is a bug in Hopscope: please report it with the file"));
      }
    }
    return new PlaybookCatalog(List.copyOf(byId.values()), problems);
  }

  /**
   * What {@code playbook run ID} (no {@code --var}, no {@code --path}) would refuse in a playbook
   * that reads: the path it runs against by default is not defined, or a check cannot be prepared
   * with the defaults ({@link CheckPreflight}). Without path definitions only PromQL checks are
   * prepared.
   */
  static List<Problem> runProblems(Playbook playbook, PathCatalog paths) {
    PathDef path = null;
    if (paths != null) {
      String name = Playbooks.pathName(playbook, Map.of());
      Optional<PathDef> def = paths.path(name);
      if (def.isEmpty()) {
        return List.of(
            new Problem(
                playbook.origin(),
                0,
                0,
                "playbook run "
                    + playbook.id()
                    + " runs against path '"
                    + name
                    + "' (its path variable's default, else its first applies_to path, else "
                    + Playbooks.DEFAULT_PATH
                    + "), which the path definitions do not define; known paths are "
                    + String.join(", ", paths.paths().stream().map(PathDef::name).toList())));
      }
      path = def.get();
    }
    return CheckPreflight.problems(playbook, path);
  }

  private static boolean isPlaybook(Path file) {
    String name = file.getFileName().toString();
    return ConfigFiles.listable(file)
        && name.endsWith(".md")
        && !name.toLowerCase(Locale.ROOT).equals("readme.md");
  }

  /** The valid playbook with {@code id}. */
  public Optional<Playbook> playbook(String id) {
    return playbooks.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Whether every file loaded without problems. */
  public boolean allValid() {
    return problems.isEmpty();
  }

  /**
   * The playbooks worth offering for what the engineer looks at, best first. A playbook whose
   * {@code applies_to.paths} names other paths than {@code path} is left out unless {@code alert}
   * is one of its alerts. The rest rank by score: alert named 4, hop named 2, path named 1 (an
   * empty list in applies_to matches anything but scores 0); ties by id.
   *
   * @param path the current path, or null
   * @param hop the current hop, or null
   * @param alert the alert that led here (Alertmanager {@code alertname}), or null
   */
  public List<Playbook> suggest(String path, String hop, String alert) {
    record Scored(Playbook playbook, int score) {}
    List<Scored> scored = new ArrayList<>();
    for (Playbook p : playbooks) {
      Playbook.AppliesTo a = p.appliesTo();
      boolean alertMatch = alert != null && a.alerts().contains(alert);
      boolean otherPath = path != null && !a.paths().isEmpty() && !a.paths().contains(path);
      if (otherPath && !alertMatch) {
        continue;
      }
      int score =
          (alertMatch ? 4 : 0)
              + (hop != null && a.hops().contains(hop) ? 2 : 0)
              + (path != null && a.paths().contains(path) ? 1 : 0);
      scored.add(new Scored(p, score));
    }
    scored.sort(
        Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.playbook().id()));
    return scored.stream().map(Scored::playbook).toList();
  }
}
