package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, for error messages that show why a process failed. */
final class LogTail {

  private LogTail() {}

  /** The last {@code count} lines of {@code log}, indented, or a note when it can't be read. */
  static String of(Path log, int count) {
    try {
      if (!Files.isRegularFile(log)) {
        return "  (no log file at " + log + ")";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> tail = lines.subList(Math.max(0, lines.size() - count), lines.size());
      StringBuilder sb = new StringBuilder();
      for (String line : tail) {
        sb.append("  | ").append(line).append('\n');
      }
      return sb.toString().stripTrailing();
    } catch (IOException | java.io.UncheckedIOException e) {
      return "  (cannot read " + log + ": " + e.getMessage() + ")";
    }
  }
}
