package org.hopscope.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteException;

/**
 * The schema's versions: {@code schema/V<n>.sql} resources, applied in order in one transaction
 * that ends with {@code PRAGMA user_version = }{@link #CURRENT}. An existing file is copied to
 * {@code <name>.bak-v<old>} (with {@code VACUUM INTO}) before the first step runs.
 *
 * <p>Several processes may open a new or old file at the same moment (the client and command-line
 * loops): checking the version and migrating happen inside one {@code BEGIN IMMEDIATE} transaction,
 * so one process migrates while the others wait (up to the busy timeout) and then find the current
 * version, re-read inside their own transaction. A file is judged "not Hopscope's" from what is
 * committed only, so a file another process is creating is never misjudged.
 */
final class Migrations {

  /** The schema version this code reads and writes. */
  static final int CURRENT = 2;

  private Migrations() {}

  /**
   * Brings the open database to {@link #CURRENT} (when it is older) and into WAL mode.
   *
   * @param alone the connection holds the file alone ({@link StoreConnections#mustOpenAlone}, a
   *     nearly full disk): an existing file cannot be backed up, so it is not upgraded
   * @return a message for the user when an existing file was upgraded (names the backup), or null
   * @throws StoreException when the file is from a newer Hopscope or another application's database
   *     (it is left as it was)
   */
  static String prepare(Connection connection, Path file, boolean alone) throws SQLException {
    return prepare(connection, file, alone, () -> {});
  }

  /**
   * {@link #prepare(Connection, Path, boolean)}, running {@code beforeWal} after each attempt's
   * version check or migration and before its switch to WAL (a test's way in between the two).
   */
  static String prepare(Connection connection, Path file, boolean alone, SqlStep beforeWal)
      throws SQLException {
    // opening waits longer than a write: many processes (CLI loops beside the client) may be
    // opening one new file at once on a busy machine, and each must get its turn
    long deadline = System.nanoTime() + OPENING_BUSY_TIMEOUT_MS * 1_000_000L;
    // kept across attempts: an upgrade committed in an attempt whose WAL switch was then answered
    // BUSY is still this process' to report (the next attempt finds the current version)
    String upgraded = null;
    try {
      for (int attempt = 1; ; attempt++) {
        // each attempt waits for the rest of the budget only
        busyTimeout(connection, (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
        try {
          String now = migrateIfOlder(connection, file, alone);
          upgraded = now != null ? now : upgraded;
          beforeWal.run();
          try (Statement statement = connection.createStatement()) {
            // after the check: a foreign file must not be touched; a no-op when already WAL
            statement.execute("PRAGMA journal_mode = WAL");
          }
          return upgraded;
        } catch (SQLException e) {
          // SQLite answers BUSY at once, without its busy handler, in some lock hand-overs (a
          // journal mode change, a read lock that cannot be upgraded): the opening budget, not
          // one statement's, is what "kept it locked for more than 30 s" promises
          if (!busy(e) || System.nanoTime() > deadline) {
            throw e;
          }
          pause(attempt);
        }
      }
    } finally {
      busyTimeout(connection, IncidentDatabase.BUSY_TIMEOUT_MS);
    }
  }

  /** A step that may fail with SQLite's answer. */
  @FunctionalInterface
  interface SqlStep {
    void run() throws SQLException;
  }

  private static boolean busy(SQLException e) {
    int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
    return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED;
  }

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  /** A short, growing pause between attempts (10 ms up to 200 ms), as SQLite's own handler. */
  private static void pause(int attempt) throws SQLException {
    try {
      Thread.sleep(Math.min(200, 10L * attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting to open the store", e);
    }
  }

  /** How long opening the store waits for other processes opening or migrating it. */
  static final int OPENING_BUSY_TIMEOUT_MS = 30_000;

  private static void busyTimeout(Connection connection, int millis) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = " + millis);
    }
  }

  /** Migrates an older file in one write transaction; the message for the user, or null. */
  private static String migrateIfOlder(Connection connection, Path file, boolean alone)
      throws SQLException {
    if (userVersion(connection) == CURRENT) { // the usual case needs no write lock
      return null;
    }
    List<Path> backup = new ArrayList<>(1); // the copy made inside the transaction, if any
    try {
      return SqlWork.inTransaction(connection, c -> migrate(c, file, alone, backup));
    } catch (SQLException | RuntimeException e) {
      // rolled back (a step or the commit failed): the file keeps its old version, and the copy
      // is not needed
      backup.forEach(copy -> deleteQuietly(copy, e));
      throw e;
    }
  }

  /** Inside the write transaction: checks the version again and migrates; the message or null. */
  private static String migrate(Connection connection, Path file, boolean alone, List<Path> made)
      throws SQLException {
    int version = checkVersion(connection, file);
    if (version == CURRENT) {
      return null; // another process migrated it while this one waited for the lock
    }
    if (alone && version > 0) {
      throw new StoreException(
          "cannot upgrade the local store "
              + file
              + " from schema v"
              + version
              + ": the disk is nearly full (less than 1 MiB free), too full for the backup made"
              + " first; free space on it and retry (the file was not changed)");
    }
    Path backup = version == 0 ? null : backUp(file, version);
    if (backup != null) {
      made.add(backup);
    }
    try (Statement statement = connection.createStatement()) {
      for (int step = version + 1; step <= CURRENT; step++) {
        for (String sql : statements(step)) {
          statement.execute(sql);
        }
      }
      statement.execute("PRAGMA user_version = " + CURRENT);
    }
    return backup == null
        ? null
        : file.getFileName()
            + " was upgraded from schema v"
            + version
            + " to v"
            + CURRENT
            + "; the old file is kept as "
            + backup;
  }

  /**
   * The file's schema version, after making sure this code may touch it (before anything writes).
   *
   * @throws StoreException when it is from a newer Hopscope or another application's database
   */
  static int checkVersion(Connection connection, Path file) throws SQLException {
    int version = userVersion(connection);
    if (version > CURRENT) {
      throw new StoreException(
          file
              + " has schema version "
              + version
              + " but this Hopscope knows versions up to "
              + CURRENT
              + ". It was written by a newer Hopscope: use that one, or point "
              + IncidentDatabase.ENV
              + " at another folder.");
    }
    if (version == 0 && hasTables(connection)) {
      throw new StoreException(
          file
              + " is an SQLite database but not Hopscope's (it has tables and no schema version)."
              + " Move it away or point "
              + IncidentDatabase.ENV
              + " at another folder.");
    }
    return version;
  }

  static int userVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("PRAGMA user_version")) {
      return row.next() ? row.getInt(1) : 0;
    }
  }

  private static boolean hasTables(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT count(*) FROM sqlite_master")) {
      return row.next() && row.getInt(1) > 0;
    }
  }

  /**
   * Copies the file as it is committed now to {@code <name>.bak-v<version>} through a second
   * connection ({@code VACUUM INTO} cannot run inside a transaction; the caller's write lock keeps
   * the file from changing meanwhile). A partly written copy is deleted.
   */
  private static Path backUp(Path file, int version) throws SQLException {
    String base = file.getFileName() + ".bak-v" + version;
    Path backup = file.resolveSibling(base);
    for (int n = 1; Files.exists(backup); n++) {
      backup = file.resolveSibling(base + "-" + n);
    }
    try (Connection reader = StoreConnections.connect(file, false);
        Statement statement = reader.createStatement()) {
      statement.execute(
          "VACUUM INTO '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException | RuntimeException e) {
      deleteQuietly(backup, e);
      throw e;
    }
    return backup;
  }

  private static void deleteQuietly(Path file, Exception cause) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** The statements of {@code schema/V<step>.sql}: split at semicolons ending a line. */
  static List<String> statements(int step) {
    String name = "schema/V" + step + ".sql";
    String text;
    try (InputStream in = Migrations.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read resource " + name, e);
    }
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.strip().endsWith(";")) {
        statements.add(current.toString().strip());
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }
}
