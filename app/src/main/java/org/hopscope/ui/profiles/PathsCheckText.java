package org.hopscope.ui.profiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.oncall.PathsCheck;
import org.hopscope.oncall.PathsCheck.Finding;
import org.hopscope.ui.status.SourceHealth;

/**
 * What the profile test shows about the path definitions ({@link PathsCheck}): the dot's level (a
 * broken pattern or field is a warning, never green) and the text, one line per problem with the
 * file's name and line.
 */
final class PathsCheckText {

  private PathsCheckText() {}

  /** Whether to show the line at all: not when the paths were not checked. */
  static boolean shown(PathsCheck check) {
    return check.state() != PathsCheck.State.NOT_CHECKED;
  }

  /** Healthy when all is well; degraded (a warning) when anything is wrong or unknown. */
  static SourceHealth.Level level(PathsCheck check) {
    return switch (check.state()) {
      case OK -> SourceHealth.Level.HEALTHY;
      case PROBLEMS, FAILED -> SourceHealth.Level.DEGRADED;
      case NOT_CHECKED -> SourceHealth.Level.UNKNOWN;
    };
  }

  /** The summary, then every finding or the error, one per line. */
  static String text(PathsCheck check) {
    List<String> lines = new ArrayList<>();
    lines.add(check.summary());
    if (check.state() == PathsCheck.State.FAILED) {
      lines.add(check.error());
    }
    check.findings().forEach(f -> lines.add("• " + line(f)));
    return String.join("\n", lines);
  }

  /** {@code orders.yaml:13 · path orders, hop h, index p: problem; suggestion}. */
  static String line(Finding f) {
    StringBuilder s = new StringBuilder();
    if (f.file() != null) {
      Path name = Path.of(f.file()).getFileName();
      s.append(name == null ? f.file() : name.toString());
      if (f.line() > 0) {
        s.append(':').append(f.line());
      }
      s.append(" · ");
    }
    if (!f.subject().isEmpty()) {
      s.append(f.subject()).append(": ");
    }
    s.append(f.problem());
    if (f.suggestion() != null) {
      s.append("; ").append(f.suggestion());
    }
    return s.toString();
  }
}
