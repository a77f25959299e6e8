package org.hopscope.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Work done on the store's one connection, inside {@link IncidentDatabase}'s lock. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;

  /**
   * Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction on {@code connection} (which is in
   * autocommit mode): committed when it returns, rolled back when it throws. The statements are
   * issued by hand, not through {@link Connection#setAutoCommit}: the driver's {@code commit()} and
   * {@code rollback()} begin the next transaction at once (taking the write lock again), and its
   * {@code setAutoCommit(true)} issues a {@code COMMIT} that fails with "no transaction is active"
   * after SQLite rolled back by itself (it does on SQLITE_FULL), hiding the real cause. Here the
   * exception that broke the transaction is the one thrown; a failed rollback is added to it as
   * suppressed.
   */
  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN IMMEDIATE"); // waits up to the busy timeout for other writers
      try {
        T result = work.run(connection);
        statement.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollBack(statement, e);
        throw e;
      }
    }
  }

  private static void rollBack(Statement statement, Exception cause) {
    try {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may have rolled back already (SQLITE_FULL, SQLITE_IOERR): nothing is left open
      if (!String.valueOf(e.getMessage()).contains("no transaction is active")) {
        cause.addSuppressed(e);
      }
    }
  }
}
