package org.hopscope.playbook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hopscope.config.Problem;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** The problems found in one playbook file, collected while reading it, handed out in order. */
final class PlaybookProblems {

  private final String file;
  private final List<Problem> found = new ArrayList<>();

  PlaybookProblems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** A problem at the start of {@code node} (whose marks are lines of the whole file). */
  void at(Node node, String message) {
    at(node.getStartMark(), message);
  }

  /** A problem at {@code mark} (0-based in snakeyaml, 1-based here). */
  void at(Optional<Mark> mark, String message) {
    if (mark.isPresent()) {
      at(mark.get().getLine() + 1, mark.get().getColumn() + 1, message);
    } else {
      wholeFile(message);
    }
  }

  /** A problem at a 1-based line and column. */
  void at(int line, int column, String message) {
    found.add(new Problem(file, line, column, message));
  }

  /** A problem with no position in the file. */
  void wholeFile(String message) {
    found.add(new Problem(file, 0, 0, message));
  }

  int count() {
    return found.size();
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** Everything found, by line and column (stable for the same position). */
  List<Problem> sorted() {
    List<Problem> out = new ArrayList<>(found);
    out.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
    return List.copyOf(out);
  }
}
