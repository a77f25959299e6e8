package org.hopscope.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hopscope's local store: one SQLite file holding incidents, their timeline, notes, playbook step
 * state and evidence snapshots. Thread-safe: one connection, used by one thread at a time (callers
 * from background threads queue on a lock); every write is one transaction, and {@link
 * #inTransaction} makes several writes one.
 *
 * <p>Opening runs {@code PRAGMA integrity_check}; a damaged or non-SQLite file is moved aside to
 * {@code <name>.corrupt-<UTC timestamp>} and a new one is created, and {@link #warnings()} says so.
 * An older schema is first copied to {@code <name>.bak-v<old>} and then migrated. Several processes
 * may open the same file at once: checking and migrating happen under SQLite's write lock ({@link
 * Migrations}). Failures are one line for the user ({@link StoreFailure}); on a disk too full for
 * WAL's shared-memory file the store is opened alone so it can still be read ({@link
 * StoreConnections}).
 *
 * <p>Durability: {@code journal_mode=WAL} (set once the file is known to be Hopscope's) with {@code
 * synchronous=FULL}. In WAL mode a commit is complete once its frames are in the {@code -wal} file,
 * so a process killed with SIGKILL never loses a committed transaction nor leaves a damaged file
 * (the next open replays or ignores the WAL). NORMAL would be enough for that; FULL also fsyncs the
 * WAL on every commit, so a committed note survives a power cut or OS crash too. Hopscope writes at
 * human speed (note autosave at most every ~300 ms, timeline entries on clicks), so one fsync per
 * commit costs nothing a user notices.
 */
public final class IncidentDatabase implements AutoCloseable {

  /** The file's name in the data folder. */
  public static final String FILE_NAME = "hopscope.db";

  /** System property that overrides the data folder (tests, portable installs). */
  public static final String PROPERTY = "hopscope.data.dir";

  /** Environment variable that overrides the data folder. */
  public static final String ENV = "HOPSCOPE_DATA_DIR";

  /** How long a write waits for another process holding the file, in milliseconds. */
  static final int BUSY_TIMEOUT_MS = 5000;

  private final Path file;
  private final Clock clock;
  private final Connection connection;
  private final List<String> warnings;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;
  private int depth; // > 0 inside a transaction (guarded by lock)

  private IncidentDatabase(Path file, Clock clock, Connection connection, List<String> warnings) {
    this.file = file;
    this.clock = clock;
    this.connection = connection;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * The default file: {@code <folder>/hopscope.db} where the folder is, first match wins: system
   * property {@value #PROPERTY}; environment variable {@value #ENV}; macOS {@code
   * ~/Library/Application Support/Hopscope}; Windows {@code %LOCALAPPDATA%\Hopscope} (else {@code
   * ~\AppData\Local\Hopscope}); otherwise {@code $XDG_DATA_HOME/hopscope} (when set and absolute)
   * or {@code ~/.local/share/hopscope}.
   *
   * @param env the process environment ({@code System.getenv()})
   * @param system the system properties ({@code System.getProperties()}); {@code os.name}, {@code
   *     user.home} and {@value #PROPERTY} are read
   */
  public static Path defaultFile(Map<String, String> env, Properties system) {
    String property = system.getProperty(PROPERTY);
    if (present(property)) {
      return Path.of(property).resolve(FILE_NAME);
    }
    if (present(env.get(ENV))) {
      return Path.of(env.get(ENV)).resolve(FILE_NAME);
    }
    Path home = Path.of(system.getProperty("user.home", "."));
    String os = system.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.startsWith("mac")) {
      return home.resolve("Library/Application Support/Hopscope").resolve(FILE_NAME);
    }
    if (os.startsWith("windows")) {
      String local = env.get("LOCALAPPDATA");
      Path base = present(local) ? Path.of(local) : home.resolve("AppData").resolve("Local");
      return base.resolve("Hopscope").resolve(FILE_NAME);
    }
    String xdg = env.get("XDG_DATA_HOME");
    Path base =
        present(xdg) && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : home.resolve(".local").resolve("share");
    return base.resolve("hopscope").resolve(FILE_NAME);
  }

  /**
   * Opens (creating folder and file when missing) the database at {@code file}: checks it, moves it
   * aside when damaged, migrates it to the current schema.
   *
   * @param file the database file
   * @param clock the time source for everything the stores stamp (UTC, kept to milliseconds)
   * @throws StoreException when the file cannot be opened, checked, moved aside or migrated; the
   *     message says what to do
   */
  public static IncidentDatabase open(Path file, Clock clock) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the folder of the local store "
              + file
              + ": "
              + e
              + "; check the path and its permissions, or point "
              + ENV
              + " at another folder",
          e);
    }
    boolean alone = StoreConnections.mustOpenAlone(file);
    try {
      return open(file, clock, alone);
    } catch (StoreException e) {
      if (alone || !StoreFailure.sharedMemory(e)) {
        throw e;
      }
      return open(file, clock, true); // no room for the -shm file: reading may still work, alone
    }
  }

  private static IncidentDatabase open(Path file, Clock clock, boolean alone) {
    List<String> warnings = new ArrayList<>();
    DatabaseFile.checkOrMoveAside(file, clock, alone).ifPresent(warnings::add);
    Connection connection;
    try {
      connection = StoreConnections.connect(file, alone);
    } catch (SQLException e) {
      throw StoreFailure.of(file, "open", e);
    }
    try {
      String upgraded = Migrations.prepare(connection, file, alone);
      if (upgraded != null) {
        warnings.add(upgraded);
      }
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, e);
      throw e instanceof StoreException store ? store : StoreFailure.of(file, "open", e);
    }
    return new IncidentDatabase(file, clock, connection, warnings);
  }

  /** The database file. */
  public Path file() {
    return file;
  }

  /**
   * Messages for the user from opening: a damaged file moved aside, an upgrade and its backup.
   * Empty on a normal start. The UI shows them once; the CLI prints them to stderr.
   */
  public List<String> warnings() {
    return warnings;
  }

  /** Incidents: open, find, list, change status. */
  public IncidentStore incidents() {
    return new IncidentStore(this);
  }

  /** The incidents' timelines. */
  public Timeline timeline() {
    return new Timeline(this);
  }

  /** Notes on incidents, steps, hops and messages. */
  public NoteStore notes() {
    return new NoteStore(this);
  }

  /** Playbook step state per incident. */
  public StepStates stepStates() {
    return new StepStates(this);
  }

  /** Evidence snapshots. */
  public EvidenceStore evidence() {
    return new EvidenceStore(this);
  }

  /** Incidents imported from bundle files. */
  public IncidentImports imports() {
    return new IncidentImports(this);
  }

  /** Now, from the clock given to {@link #open}, kept to milliseconds (as stored). */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Runs {@code work} in one transaction: every store write it makes (through {@link #incidents},
   * {@link #timeline}, {@link #evidence}, ...) is committed together at the end, or none is when it
   * throws. Other threads wait until it is done. Nested calls join the outer transaction.
   *
   * @param work the writes (and reads, which see the writes made so far)
   * @return what {@code work} returns
   */
  public <T> T inTransaction(java.util.function.Supplier<T> work) {
    return write(c -> work.get());
  }

  /**
   * Runs {@code work} in one transaction (committed, or rolled back when it throws); inside {@link
   * #inTransaction} it joins that transaction.
   */
  <T> T write(SqlWork<T> work) {
    lock.lock();
    try {
      ensureOpen();
      if (depth > 0) {
        depth++;
        try {
          return work.run(connection);
        } finally {
          depth--;
        }
      }
      depth = 1;
      try {
        return SqlWork.inTransaction(connection, work);
      } finally {
        depth = 0;
      }
    } catch (SQLException e) {
      throw StoreFailure.of(file, "write", e);
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code work} on the connection (autocommit; one statement sees one snapshot). */
  <T> T read(SqlWork<T> work) {
    lock.lock();
    try {
      ensureOpen();
      return work.run(connection);
    } catch (SQLException e) {
      throw StoreFailure.of(file, "read", e);
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("incident store " + file + " is closed");
    }
  }

  /** Runs {@code PRAGMA integrity_check} now; "ok" when sound, else the problems found. */
  public String integrityCheck() {
    return read(
        c -> {
          StringBuilder out = new StringBuilder();
          try (Statement statement = c.createStatement();
              var rows = statement.executeQuery("PRAGMA integrity_check")) {
            while (rows.next()) {
              out.append(out.length() == 0 ? "" : "; ").append(rows.getString(1));
            }
          }
          return out.toString();
        });
  }

  /** Closes the connection (checkpointing the WAL). Idempotent. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        connection.close();
      }
    } catch (SQLException e) {
      throw StoreFailure.of(file, "close", e);
    } finally {
      lock.unlock();
    }
  }

  private static void closeQuietly(Connection connection, Exception cause) {
    try {
      connection.close();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
