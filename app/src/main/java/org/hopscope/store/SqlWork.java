package org.hopscope.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the store's one connection, inside {@link IncidentDatabase}'s lock. */
@FunctionalInterface
interface SqlWork<T> {
  T run(Connection connection) throws SQLException;
}
