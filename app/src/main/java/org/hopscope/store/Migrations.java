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

/**
 * The schema's versions: {@code schema/V<n>.sql} resources applied in order, each in one
 * transaction that also sets {@code PRAGMA user_version = n}. An existing file is copied to {@code
 * <name>.bak-v<old>} (with {@code VACUUM INTO}) before the first step runs.
 */
final class Migrations {

  /** The schema version this code reads and writes. */
  static final int CURRENT = 2;

  private Migrations() {}

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

  /**
   * Brings the open database from {@code version} (from {@link #checkVersion}) to {@link #CURRENT}.
   *
   * @return a message for the user when an existing file was upgraded (names the backup), or null
   */
  static String apply(Connection connection, Path file, int version) throws SQLException {
    if (version == CURRENT) {
      return null;
    }
    Path backup = version == 0 ? null : backUp(connection, file, version);
    for (int step = version + 1; step <= CURRENT; step++) {
      migrate(connection, step);
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

  private static Path backUp(Connection connection, Path file, int version) throws SQLException {
    String base = file.getFileName() + ".bak-v" + version;
    Path backup = file.resolveSibling(base);
    for (int n = 1; Files.exists(backup); n++) {
      backup = file.resolveSibling(base + "-" + n);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "VACUUM INTO '" + backup.toAbsolutePath().toString().replace("'", "''") + "'");
    }
    return backup;
  }

  private static void migrate(Connection connection, int step) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements(step)) {
        statement.execute(sql);
      }
      statement.execute("PRAGMA user_version = " + step);
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
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
