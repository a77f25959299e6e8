package org.hopscope.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How instants are kept in columns (INTEGER milliseconds since the epoch, UTC, null allowed) and
 * the statements every store runs: parameters are bound in order, {@link Instant}s as milliseconds.
 */
final class Columns {

  private Columns() {}

  /** Reads one row into a value. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static String required(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }

  /** Every row {@code sql} selects, read by {@code reader}. */
  static <T> List<T> rows(Connection c, String sql, RowReader<T> reader, Object... parameters)
      throws SQLException {
    try (PreparedStatement select = prepare(c, sql, Statement.NO_GENERATED_KEYS, parameters);
        ResultSet row = select.executeQuery()) {
      List<T> rows = new ArrayList<>();
      while (row.next()) {
        rows.add(reader.read(row));
      }
      return rows;
    }
  }

  /** The first row {@code sql} selects, if any. */
  static <T> Optional<T> row(Connection c, String sql, RowReader<T> reader, Object... parameters)
      throws SQLException {
    return rows(c, sql, reader, parameters).stream().findFirst();
  }

  /** Runs an UPDATE (or INSERT); the number of rows changed. */
  static int update(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement update = prepare(c, sql, Statement.NO_GENERATED_KEYS, parameters)) {
      return update.executeUpdate();
    }
  }

  /** Runs an INSERT; the id generated for the new row. */
  static long insert(Connection c, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement insert = prepare(c, sql, Statement.RETURN_GENERATED_KEYS, parameters)) {
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id generated");
        }
        return keys.getLong(1);
      }
    }
  }

  private static PreparedStatement prepare(
      Connection c, String sql, int generatedKeys, Object... parameters) throws SQLException {
    PreparedStatement statement = c.prepareStatement(sql, generatedKeys);
    try {
      for (int i = 0; i < parameters.length; i++) {
        Object value = parameters[i];
        if (value == null) {
          statement.setNull(i + 1, Types.NULL);
        } else {
          statement.setObject(i + 1, value instanceof Instant at ? at.toEpochMilli() : value);
        }
      }
      return statement;
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }
}
