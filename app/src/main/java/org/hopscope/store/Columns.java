package org.hopscope.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** How instants are kept in columns: INTEGER milliseconds since the epoch (UTC), null allowed. */
final class Columns {

  private Columns() {}

  static void setInstant(PreparedStatement statement, int index, Instant at) throws SQLException {
    if (at == null) {
      statement.setNull(index, Types.INTEGER);
    } else {
      statement.setLong(index, at.toEpochMilli());
    }
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
}
