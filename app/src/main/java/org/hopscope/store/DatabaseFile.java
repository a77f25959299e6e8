package org.hopscope.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The start-up check of the database file: {@code PRAGMA integrity_check}, and moving a damaged
 * file aside (with its {@code -wal}/{@code -shm} companions) so a new one can be created. A damaged
 * file is never deleted or overwritten.
 */
final class DatabaseFile {

  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;
  private static final int MAX_PROBLEMS_SHOWN = 3;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private DatabaseFile() {}

  /**
   * Checks {@code file}; when it is damaged or not SQLite, moves it aside and returns the message
   * for the user. Empty when the file is missing, empty or sound.
   *
   * @param alone check with {@code locking_mode=EXCLUSIVE} ({@link StoreConnections#mustOpenAlone})
   * @throws StoreException when the file cannot be checked for another reason (locked, unreadable,
   *     a full disk)
   */
  static Optional<String> checkOrMoveAside(Path file, Clock clock, boolean alone) {
    try {
      if (!Files.exists(file) || Files.size(file) == 0) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
    Optional<String> problem = integrityProblem(file, alone);
    if (problem.isEmpty()) {
      return Optional.empty();
    }
    Path movedTo = moveAside(file, clock);
    return Optional.of(
        file.getFileName()
            + " was damaged (integrity_check: "
            + problem.get()
            + "); moved to "
            + movedTo
            + "; a new one was created. Incidents and notes in the damaged file are not in the new"
            + " one; try `sqlite3 "
            + movedTo
            + " .recover` to rescue them.");
  }

  private static Optional<String> integrityProblem(Path file, boolean alone) {
    try (Connection connection = StoreConnections.connect(file, alone);
        Statement statement = connection.createStatement()) {
      List<String> problems = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
        while (rows.next()) {
          problems.add(rows.getString(1));
        }
      }
      if (problems.equals(List.of("ok"))) {
        return Optional.empty();
      }
      if (problems.isEmpty()) {
        return Optional.of("no answer");
      }
      String shown =
          String.join("; ", problems.subList(0, Math.min(MAX_PROBLEMS_SHOWN, problems.size())));
      int more = problems.size() - MAX_PROBLEMS_SHOWN;
      return Optional.of(more > 0 ? shown + "; and " + more + " more" : shown);
    } catch (SQLException e) {
      int primary = e.getErrorCode() & 0xff;
      if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
        return Optional.of(e.getMessage());
      }
      throw StoreFailure.of(file, "check", e);
    }
  }

  private static Path moveAside(Path file, Clock clock) {
    String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
    Path target = file.resolveSibling(base);
    for (int n = 1; Files.exists(target); n++) {
      target = file.resolveSibling(base + "-" + n);
    }
    try {
      for (String companion : List.of("-wal", "-shm")) {
        Path side = file.resolveSibling(file.getFileName() + companion);
        if (Files.exists(side)) {
          Files.move(side, target.resolveSibling(target.getFileName() + companion));
        }
      }
      Files.move(file, target);
    } catch (IOException e) {
      throw new StoreException(
          file
              + " is damaged and could not be moved aside to "
              + target
              + ": "
              + e.getMessage()
              + ". Move or rename it by hand, then start Hopscope again.",
          e);
    }
    return target;
  }
}
