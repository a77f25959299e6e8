package org.hopscope.config;

import java.util.List;
import java.util.Optional;
import org.hopscope.model.PathDef;

/**
 * What a directory of path definitions holds: the paths that loaded and the problems of the files
 * that did not. One bad file does not hide the good ones.
 *
 * @param paths valid paths, in file name order
 * @param problems every problem of every file, by file then position; empty when all are valid
 */
public record PathCatalog(List<PathDef> paths, List<Problem> problems) {

  public PathCatalog {
    paths = List.copyOf(paths);
    problems = List.copyOf(problems);
  }

  /** The valid path named {@code name} ({@code path:} in its file). */
  public Optional<PathDef> path(String name) {
    return paths.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Whether every file loaded without problems. */
  public boolean allValid() {
    return problems.isEmpty();
  }
}
