package org.hopscope.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hopscope.model.PathDef;

/**
 * Reads integration path definitions ({@code queries/*.yaml}, format in {@code
 * docs/path-definitions.md}) into {@link PathDef}s. Every problem names {@code file:line:column}
 * and what was expected; all problems of a file are reported, not just the first.
 */
public final class PathDefinitions {

  /** Reads one file; a {@link ConfigException} holds every problem of it. */
  public PathDef read(Path file) {
    Problems problems = new Problems(file.toString());
    return readText(file, problems)
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
      }
    }
    return new PathCatalog(List.copyOf(byName.values()), problems);
  }

  private static Problem whole(Path file, String message) {
    return new Problem(file.toString(), 0, 0, message);
  }

  private static boolean isYaml(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static Optional<String> readText(Path file, Problems problems) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      problems.wholeFile("not UTF-8 text; save the file as UTF-8");
    } catch (IOException e) {
      problems.wholeFile("cannot read: " + e);
    }
    return Optional.empty();
  }
}
