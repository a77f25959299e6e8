package org.hopscope.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The problems found in one file, collected while reading it, handed out in file order. Shared by
 * the readers of path definitions and playbooks.
 */
public final class Problems {

  private final String file;
  private final List<Problem> found = new ArrayList<>();

  public Problems(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void at(Node node, String message) {
    at(node.getStartMark(), message);
  }

  /** A problem at {@code mark} (0-based in snakeyaml, 1-based here). */
  public void at(Optional<Mark> mark, String message) {
    if (mark.isPresent()) {
      found.add(new Problem(file, mark.get().getLine() + 1, mark.get().getColumn() + 1, message));
    } else {
      wholeFile(message);
    }
  }

  /** A problem at a 1-based line and column. */
  public void at(int line, int column, String message) {
    found.add(new Problem(file, line, column, message));
  }

  /** A problem with no position in the file (unreadable, empty). */
  public void wholeFile(String message) {
    found.add(new Problem(file, 0, 0, message));
  }

  /** How many so far: readers compare before and after to know whether a part was clean. */
  public int count() {
    return found.size();
  }

  public boolean isEmpty() {
    return found.isEmpty();
  }

  /** Everything found, by line and column (stable for the same position). */
  public List<Problem> sorted() {
    return found.stream()
        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
        .toList();
  }
}
