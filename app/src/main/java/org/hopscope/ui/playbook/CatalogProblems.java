package org.hopscope.ui.playbook;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hopscope.config.Problem;

/** How the playbook files that could not be read are told in the picker. */
final class CatalogProblems {

  private CatalogProblems() {}

  /** One line per problem: the file's name (not its folder), line, column and message. */
  static List<String> lines(List<Problem> problems) {
    return problems.stream()
        .map(p -> new Problem(name(p.file()), p.line(), p.column(), p.message()).toString())
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
