package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade committed in an attempt whose switch to WAL is then answered BUSY (another process
 * began reading in between, as the 8 racing upgraders of {@link StoreOpenRaceTest} once did on CI)
 * is still reported by the process that made it: the user learns that the file was upgraded and
 * where the old one is kept.
 */
@Fault(Fault.Area.STORE)
class MigrationsBusyTest {

  @TempDir Path dir;

  @Test
  void anUpgradeWhoseWalSwitchWasAnsweredBusyIsStillReportedWithItsBackup() throws Exception {
    Path file = dir.resolve("hopscope.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = raw.createStatement()) {
      for (String statement : IncidentDatabaseTest.V1_BY_HAND) {
        sql.execute(statement);
      }
    }
    Connection[] reader = new Connection[1];
    int[] beforeWal = {0};

    String upgraded;
    try (Connection connection = StoreConnections.connect(file, false)) {
      upgraded =
          Migrations.prepare(
              connection,
              file,
              false,
              () -> {
                if (++beforeWal[0] == 1) {
                  reader[0] = readingTransaction(file); // a shared lock: the WAL switch is BUSY
                  // answered at once, as SQLite does in some lock hand-overs between processes
                  // (the next attempt sets the opening budget again)
                  try (Statement sql = connection.createStatement()) {
                    sql.execute("PRAGMA busy_timeout = 1");
                  }
                } else {
                  reader[0].close();
                }
              });
      assertThat(Migrations.userVersion(connection)).isEqualTo(2);
    } finally {
      if (reader[0] != null) {
        reader[0].close();
      }
    }

    assertThat(beforeWal[0]).as("attempts: the first WAL switch answered BUSY").isEqualTo(2);
    assertThat(upgraded)
        .isEqualTo(
            "hopscope.db was upgraded from schema v1 to v2; the old file is kept as "
                + file.resolveSibling("hopscope.db.bak-v1"));
    assertThat(StoreOpenRaceTest.siblings(file))
        .containsExactly("hopscope.db", "hopscope.db.bak-v1");
    try (Connection check = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = check.createStatement();
        ResultSet mode = sql.executeQuery("PRAGMA journal_mode")) {
      assertThat(mode.next()).isTrue();
      assertThat(mode.getString(1)).isEqualTo("wal");
    }
  }

  /** A connection inside a read transaction on {@code file} (it holds a shared lock). */
  private static Connection readingTransaction(Path file) throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    c.setAutoCommit(false);
    try (Statement sql = c.createStatement();
        ResultSet row = sql.executeQuery("SELECT count(*) FROM incidents")) {
      assertThat(row.next()).isTrue();
    }
    return c;
  }
}
