package org.hopscope.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteException;

/**
 * The one line a user reads when SQLite fails: what could not be done, on which file, why in plain
 * words (with SQLite's result code), and what to do. The causes a user can act on get their own
 * words: a full disk, another process holding the file, permissions, a damaged file, and SQLite's
 * native library that cannot be loaded from the temporary folder.
 */
final class StoreFailure {

  /** Below this many free bytes a failing shared-memory file means the disk is full. */
  static final long NEARLY_FULL_BYTES = 1024 * 1024;

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_FULL = 13;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_NOTADB = 26;

  private StoreFailure() {}

  /**
   * A {@link StoreException} for {@code failure} while doing {@code action} on {@code file}.
   *
   * @param action what was being done: "open", "read" or "write"
   */
  static StoreException of(Path file, String action, Throwable failure) {
    return new StoreException(
        "cannot " + action + " the local store " + file + ": " + why(file, action, failure),
        failure);
  }

  /** True when {@code failure} (or its cause) says the disk holding {@code file} is full. */
  static boolean diskFull(Path file, Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        int code = code(e);
        if ((code & 0xff) == SQLITE_FULL || sharedMemory(e) && nearlyFull(file)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the disk holding {@code file} has less than {@link #NEARLY_FULL_BYTES} free. */
  static boolean nearlyFull(Path file) {
    try {
      Path folder = file.toAbsolutePath().getParent();
      return Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL_BYTES;
    } catch (IOException e) {
      return false; // cannot tell: treat the disk as having room, SQLite will say otherwise
    }
  }

  private static String why(Path file, String action, Throwable failure) {
    if (nativeLibraryMissing(failure)) {
      return nativeLibrary();
    }
    if (diskFull(file, failure)) {
      return "the disk is full ("
          + name(failure)
          + "); free space on it and retry"
          + switch (action) {
            case "write" -> " (nothing already stored was lost)";
            case "open" -> " (the store was not changed)";
            default -> "";
          };
    }
    SQLException sql = sqlCause(failure);
    if (sql == null) {
      return String.valueOf(failure.getMessage());
    }
    String name = name(sql);
    return switch (code(sql) & 0xff) {
      case SQLITE_BUSY, SQLITE_LOCKED ->
          "another Hopscope process kept it locked for more than "
              + ("open".equals(action)
                      ? Migrations.OPENING_BUSY_TIMEOUT_MS
                      : IncidentDatabase.BUSY_TIMEOUT_MS)
                  / 1000
              + " s ("
              + name
              + "); try again, or close the other Hopscope first";
      case SQLITE_READONLY ->
          "it is read-only ("
              + name
              + "); check the permissions of the file, its -wal/-shm and its folder";
      case SQLITE_CANTOPEN ->
          "SQLite cannot open it ("
              + name
              + "); check that its folder exists and that you may write there";
      case SQLITE_IOERR ->
          "the disk failed to " + action + " it (" + name + "); check the disk, then retry";
      case SQLITE_CORRUPT, SQLITE_NOTADB ->
          "it is damaged ("
              + name
              + "); start Hopscope again: it moves the damaged file aside and starts a new one";
      default -> String.valueOf(sql.getMessage());
    };
  }

  private static String nativeLibrary() {
    String sqliteTmp = System.getProperty("org.sqlite.tmpdir");
    String tmp = sqliteTmp != null ? sqliteTmp : System.getProperty("java.io.tmpdir");
    Path folder = Path.of(tmp);
    String state =
        !Files.isDirectory(folder)
            ? "it does not exist or is not a folder"
            : !Files.isWritable(folder) ? "it is not writable" : "it may be full or mounted noexec";
    return "SQLite's native library cannot be loaded from the temporary folder "
        + folder
        + " ("
        + state
        + "); point org.sqlite.tmpdir at an existing writable folder that allows programs, e.g."
        + " mkdir -p ~/.cache/hopscope and HOPSCOPE_JAVA_OPTS=-Dorg.sqlite.tmpdir=$HOME/.cache/hopscope";
  }

  private static boolean nativeLibraryMissing(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof UnsatisfiedLinkError
          || t.getClass().getName().equals("org.sqlite.NativeLibraryNotFoundException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when SQLite could not create or grow the {@code -shm} file (see {@link StoreConnections}).
   */
  static boolean sharedMemory(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e && sharedMemory(e)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sharedMemory(SQLException e) {
    return String.valueOf(e.getMessage()).contains("SQLITE_IOERR_SHM");
  }

  private static SQLException sqlCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        return e;
      }
    }
    return null;
  }

  private static String name(Throwable failure) {
    SQLException sql = sqlCause(failure);
    if (sql instanceof SQLiteException e) {
      return e.getResultCode().name();
    }
    return sql == null ? "no SQLite code" : "SQLite code " + sql.getErrorCode();
  }

  private static int code(SQLException e) {
    return e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
  }
}
