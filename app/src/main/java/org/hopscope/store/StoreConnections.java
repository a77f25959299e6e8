package org.hopscope.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * Connections to the store file with Hopscope's settings: busy timeout, {@code synchronous=FULL},
 * foreign keys on, and, on a disk too full for WAL's shared-memory file, {@code
 * locking_mode=EXCLUSIVE}.
 *
 * <p>In WAL mode every connection maps {@code <file>-shm} (32 KiB), created on first use. On a full
 * disk that fails ({@code SQLITE_IOERR_SHMSIZE}): even reading would be impossible, and a stub
 * {@code -shm} would be left behind. With {@code locking_mode=EXCLUSIVE} set before the first read
 * SQLite keeps that index in the process's memory instead, so incidents can still be read; the
 * price is that the process holds the file alone until it closes it (others wait up to the busy
 * timeout). That is chosen only when the {@code -shm} does not exist and the disk has less than
 * {@link StoreFailure#NEARLY_FULL_BYTES} free ({@link #mustOpenAlone}), or when a normal open
 * failed because the disk is full.
 */
final class StoreConnections {

  private StoreConnections() {}

  /** True when {@code file} should be opened with {@code locking_mode=EXCLUSIVE} (see above). */
  static boolean mustOpenAlone(Path file) {
    Path sharedMemory = file.resolveSibling(file.getFileName() + "-shm");
    return !Files.exists(sharedMemory) && StoreFailure.nearlyFull(file);
  }

  /**
   * A new connection to {@code file} (created when missing).
   *
   * @param alone {@code locking_mode=EXCLUSIVE}: no {@code -shm} file, the file held until close
   * @throws SQLException when SQLite cannot open it (or its native library cannot be loaded)
   */
  static Connection connect(Path file, boolean alone) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(IncidentDatabase.BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    if (alone) {
      config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    }
    Connection connection = config.createConnection("jdbc:sqlite:" + file);
    // set here, not in the config: the driver applies synchronous before locking_mode, and
    // setting it opens the WAL (and its -shm) before locking_mode=EXCLUSIVE could prevent that
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA synchronous = FULL");
    } catch (SQLException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    return connection;
  }
}
