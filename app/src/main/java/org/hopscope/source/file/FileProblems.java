package org.hopscope.source.file;

import java.util.ArrayList;
import java.util.List;

/**
 * The problems of one file that did not stop it being read: each located (line, JSON pointer) and
 * counted; the first {@link TraceFileLimits#problemsKept()} are kept with their words. Not
 * thread-safe (one per file read).
 */
final class FileProblems {

  /**
   * One problem.
   *
   * @param file the file's name
   * @param line 1-based line, 0 when the problem is not on one line
   * @param pointer JSON pointer within the line's (or file's) value, empty for all of it
   * @param problem what is wrong and what was expected
   */
  record Problem(String file, int line, String pointer, String problem) {
    /** {@code file:line pointer: problem}. */
    String text() {
      return file
          + (line > 0 ? ":" + line : "")
          + (pointer.isEmpty() ? "" : " " + pointer)
          + ": "
          + problem;
    }
  }

  private final String file;
  private final int kept;
  private final List<Problem> problems = new ArrayList<>();
  private int count;
  private int skippedLines;
  private int skippedItems;

  FileProblems(String file, int kept) {
    this.file = file;
    this.kept = kept;
  }

  /** A problem that left the value read as well as it could be (nothing skipped). */
  void add(int line, String pointer, String problem) {
    count++;
    if (problems.size() < kept) {
      problems.add(new Problem(file, line, pointer, problem));
    }
  }

  /** A line that was left out whole. */
  void skipLine(int line, String problem) {
    skippedLines++;
    add(line, "", problem);
  }

  /** A span, log record or document that was left out. */
  void skipItem(int line, String pointer, String problem) {
    skippedItems++;
    add(line, pointer, problem);
  }

  int count() {
    return count;
  }

  int skippedLines() {
    return skippedLines;
  }

  int skippedItems() {
    return skippedItems;
  }

  List<String> texts() {
    return problems.stream().map(Problem::text).toList();
  }
}
