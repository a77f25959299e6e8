package org.hopscope.ui.playbook;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hopscope.config.Problem;

/** How the playbook files that could not be read are told in the picker. */
final class CatalogProblems {

  /**
   * One problem of a playbook file as the picker shows it.
   *
   * @param location the file's name (not its folder) with line and column, e.g. {@code
   *     consumer-lag.md:36:7}, or the name alone for a problem of the whole file
   * @param message what is wrong and what to do
   */
  record Located(String location, String message) {
    @Override
    public String toString() {
      return location + ": " + message;
    }
  }

  private CatalogProblems() {}

  /** One entry per problem, in the catalog's order (by file, then position). */
  static List<Located> located(List<Problem> problems) {
    return problems.stream()
        .map(
            p ->
                new Located(
                    p.line() > 0
                        ? name(p.file()) + ":" + p.line() + ":" + p.column()
                        : name(p.file()),
                    p.message()))
        .toList();
  }

  /** "1 playbook file could not be read" / "N playbook files ..."; "" without problems. */
  static String title(List<Problem> problems) {
    Set<String> files = new LinkedHashSet<>();
    problems.forEach(p -> files.add(p.file()));
    if (files.isEmpty()) {
      return "";
    }
    return files.size() == 1
        ? "1 playbook file could not be read"
        : files.size() + " playbook files could not be read";
  }

  private static String name(String file) {
    try {
      Path name = Path.of(file).getFileName();
      return name == null ? file : name.toString();
    } catch (java.nio.file.InvalidPathException e) {
      return file;
    }
  }
}
