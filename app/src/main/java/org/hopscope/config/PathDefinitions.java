package org.hopscope.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hopscope.model.PathDef;

/**
 * Reads integration path definitions ({@code queries/*.yaml}, format in {@code
 * docs/path-definitions.md}) into {@link PathDef}s. Every problem names {@code file:line:column}
 * and what was expected; all problems of a file are reported, not just the first. Files are read
 * within {@link FileLimits}; a link out of the folder is refused ({@link ConfigFiles}).
 */
public final class PathDefinitions {

  /** Reads one file; a {@link ConfigException} holds every problem of it. */
  public PathDef read(Path file) {
    Problems problems = new Problems(file.toString());
    return ConfigFiles.read(file, ConfigFiles.Links.INSIDE_FOLDER, problems)
        .flatMap(t -> PathDefinitionReader.read(t, problems))
        .orElseThrow(() -> new ConfigException(problems.sorted()));
  }

  /**
   * Reads {@code text} as the content of a file named {@code origin} (used in messages and as
   * {@link PathDef#origin()}); a {@link ConfigException} holds every problem found.
   */
  public PathDef parse(String text, String origin) {
    Problems problems = new Problems(origin);
    return PathDefinitionReader.read(text, problems)
        .orElseThrow(() -> new ConfigException(problems.sorted()));
  }

  /**
   * Reads every {@code *.yaml} and {@code *.yml} file directly in {@code dir}, each on its own: the
   * valid paths and the problems of the others. A path name defined twice is a problem of the later
   * file (by file name). A missing directory is one problem.
   */
  public PathCatalog readDirectory(Path dir) {
    List<Problem> problems = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      problems.add(
          whole(dir, "no such directory; path definitions are read from *.yaml files in it"));
      return new PathCatalog(List.of(), problems);
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(PathDefinitions::isYaml).sorted().toList();
    } catch (IOException e) {
      problems.add(whole(dir, "cannot list the directory: " + e));
      return new PathCatalog(List.of(), problems);
    }
    Map<String, PathDef> byName = new LinkedHashMap<>();
    for (Path file : files) {
      try {
        PathDef path = read(file);
        PathDef earlier = byName.putIfAbsent(path.name(), path);
        if (earlier != null) {
          problems.add(
              whole(
                  file,
                  "path '"
                      + path.name()
                      + "' is already defined in "
                      + earlier.origin()
                      + "; give each path its own name"));
        }
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) {
        problems.add(whole(file, unexpected(e)));
      }
    }
    return new PathCatalog(List.copyOf(byName.values()), problems);
  }

  /** A safety net: one file's unexpected failure still leaves the others (and is named). */
  static String unexpected(RuntimeException e) {
    return "could not be read ("
        + e.getClass().getSimpleName()
        + "); this is a bug in Hopscope: please report it with the file";
  }

  private static Problem whole(Path file, String message) {
    return new Problem(file.toString(), 0, 0, message);
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return ConfigFiles.listable(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }
}
