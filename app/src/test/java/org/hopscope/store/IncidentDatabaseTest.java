package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.hopscope.faults.Fault;
import org.hopscope.model.incident.Incident.Severity;
import org.hopscope.model.incident.Note.Scope;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the file is, how it is opened, checked, moved aside and migrated. */
class IncidentDatabaseTest {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(T0);

  @Test
  void defaultFileFollowsOverridesThenXdgThenHome() {
    Properties system = new Properties();
    system.setProperty("user.home", "/home/ana");
    assertThat(IncidentDatabase.defaultFile(Map.of(), system))
        .isEqualTo(Path.of("/home/ana/.local/share/hopscope/hopscope.db"));
    assertThat(IncidentDatabase.defaultFile(Map.of("XDG_DATA_HOME", "relative"), system))
        .isEqualTo(Path.of("/home/ana/.local/share/hopscope/hopscope.db"));
    assertThat(IncidentDatabase.defaultFile(Map.of("XDG_DATA_HOME", "/data"), system))
        .isEqualTo(Path.of("/data/hopscope/hopscope.db"));
    Map<String, String> env = Map.of("XDG_DATA_HOME", "/data", "HOPSCOPE_DATA_DIR", "/env");
    assertThat(IncidentDatabase.defaultFile(env, system)).isEqualTo(Path.of("/env/hopscope.db"));
    system.setProperty("hopscope.data.dir", "/prop");
    assertThat(IncidentDatabase.defaultFile(env, system)).isEqualTo(Path.of("/prop/hopscope.db"));
  }

  @Test
  void defaultFileIsInTheOsUsualDataFolderOnMacAndWindows() {
    Properties mac = new Properties();
    mac.setProperty("user.home", "/Users/ana");
    mac.setProperty("os.name", "Mac OS X");
    assertThat(IncidentDatabase.defaultFile(Map.of("XDG_DATA_HOME", "/data"), mac))
        .isEqualTo(Path.of("/Users/ana/Library/Application Support/Hopscope/hopscope.db"));
    Properties windows = new Properties();
    windows.setProperty("user.home", "/home/ana");
    windows.setProperty("os.name", "Windows 11");
    assertThat(IncidentDatabase.defaultFile(Map.of("LOCALAPPDATA", "/local"), windows))
        .isEqualTo(Path.of("/local/Hopscope/hopscope.db"));
    assertThat(IncidentDatabase.defaultFile(Map.of(), windows))
        .isEqualTo(Path.of("/home/ana/AppData/Local/Hopscope/hopscope.db"));
    assertThat(IncidentDatabase.defaultFile(Map.of("HOPSCOPE_DATA_DIR", "/env"), windows))
        .isEqualTo(Path.of("/env/hopscope.db"));
  }

  @Test
  void createsFolderAndFileWithWalAndForeignKeys() throws SQLException {
    Path file = dir.resolve("a/b/hopscope.db");
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      assertThat(db.warnings()).isEmpty();
      assertThat(db.integrityCheck()).isEqualTo("ok");
      assertThat(db.file()).isEqualTo(file);
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(single(raw, "PRAGMA journal_mode")).isEqualTo("wal");
      assertThat(single(raw, "PRAGMA user_version")).isEqualTo("2");
    }
  }

  @Test
  @Fault(Fault.Area.STORE)
  void migratesAVersion1FileAfterBackingItUp() throws Exception {
    Path file = dir.resolve("hopscope.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = raw.createStatement()) {
      for (String statement : V1_BY_HAND) {
        sql.execute(statement);
      }
    }

    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      Path backup = dir.resolve("hopscope.db.bak-v1");
      assertThat(db.warnings())
          .containsExactly(
              "hopscope.db was upgraded from schema v1 to v2; the old file is kept as " + backup);
      assertThat(db.incidents().get(1).orElseThrow().title()).isEqualTo("erp timeouts");
      assertThat(db.incidents().get(1).orElseThrow().openedAt())
          .isEqualTo(Instant.ofEpochMilli(1_764_140_000_000L));
      assertThat(db.timeline().list(1)).extracting(e -> e.summary()).containsExactly("opened");
      assertThat(db.notes().find(1, Scope.HOP, "erp-adapter").orElseThrow().text())
          .isEqualTo("slow SOAP");
      assertThat(db.notes().find(0, Scope.MESSAGE, "ord-7").orElseThrow().text())
          .isEqualTo("loose");
      assertThat(db.stepStates().tick(1, "erp-timeouts", "latency", "ana").done()).isTrue();
      assertThat(db.integrityCheck()).isEqualTo("ok");

      try (Connection old = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
        assertThat(single(old, "PRAGMA integrity_check")).isEqualTo("ok");
        assertThat(single(old, "PRAGMA user_version")).isEqualTo("1");
        assertThat(single(old, "SELECT title FROM incidents")).isEqualTo("erp timeouts");
        assertThat(
                single(
                    old,
                    "SELECT group_concat(name, ',') FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"))
            .isEqualTo("incidents,timeline,notes");
      }
    }
    try (IncidentDatabase again = IncidentDatabase.open(file, clock)) {
      assertThat(again.warnings()).isEmpty();
    }
  }

  @Test
  @Fault(Fault.Area.STORE)
  void anUpgradeStepThatFailsLeavesTheOldFileAndNoBackup() throws Exception {
    Path file = dir.resolve("hopscope.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = raw.createStatement()) {
      for (String statement : V1_BY_HAND) {
        sql.execute(statement);
      }
      sql.execute("CREATE TABLE step_state (x)"); // v2 creates it: its step fails
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> IncidentDatabase.open(file, clock))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            "cannot open the local store "
                + file
                + ": [SQLITE_ERROR] SQL error or missing database (table step_state already"
                + " exists)");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(siblings()).containsExactly("hopscope.db");
  }

  @Test
  @Fault(Fault.Area.STORE)
  void refusesAFileFromANewerHopscopeAndLeavesItAlone() throws Exception {
    Path file = dir.resolve("hopscope.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = raw.createStatement()) {
      sql.execute("CREATE TABLE future (x)");
      sql.execute("PRAGMA user_version = 9");
    }
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> IncidentDatabase.open(file, clock))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            file
                + " has schema version 9 but this Hopscope knows versions up to 2. It was written"
                + " by a newer Hopscope: use that one, or point HOPSCOPE_DATA_DIR at another"
                + " folder.");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(siblings()).containsExactly("hopscope.db");
  }

  @Test
  @Fault(Fault.Area.STORE)
  void refusesAnotherApplicationsSqliteFile() throws Exception {
    Path file = dir.resolve("hopscope.db");
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = raw.createStatement()) {
      sql.execute("CREATE TABLE contacts (name)");
    }

    assertThatThrownBy(() -> IncidentDatabase.open(file, clock))
        .isInstanceOf(StoreException.class)
        .hasMessage(
            file
                + " is an SQLite database but not Hopscope's (it has tables and no schema"
                + " version). Move it away or point HOPSCOPE_DATA_DIR at another folder.");
    assertThat(siblings()).containsExactly("hopscope.db");
  }

  @Test
  @Fault(Fault.Area.STORE)
  void movesAGarbageFileAsideAndStartsANewOne() throws Exception {
    Path file = dir.resolve("hopscope.db");
    byte[] garbage = new byte[8192];
    new java.util.Random(5).nextBytes(garbage);
    Files.write(file, garbage);

    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      Path moved = dir.resolve("hopscope.db.corrupt-20261126T100000Z");
      assertThat(db.warnings())
          .containsExactly(
              "hopscope.db was damaged (integrity_check: [SQLITE_NOTADB] File opened that is not a"
                  + " database file (file is not a database)); moved to "
                  + moved
                  + "; a new one was created. Incidents and notes in the damaged file are not in"
                  + " the new one; try `sqlite3 "
                  + moved
                  + " .recover` to rescue them.");
      assertThat(Files.readAllBytes(moved)).isEqualTo(garbage);
      assertThat(db.incidents().open("after", Severity.SEV3, "orders", null, "ana").id())
          .isEqualTo(1);
      assertThat(db.integrityCheck()).isEqualTo("ok");
    }
  }

  @Test
  @Fault(Fault.Area.STORE)
  void movesATruncatedDatabaseAsideWithItsProblems() throws Exception {
    Path file = dir.resolve("hopscope.db");
    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      long id = db.incidents().open("big", Severity.SEV3, "orders", null, "ana").id();
      for (int i = 0; i < 200; i++) {
        db.notes().save(id, Scope.MESSAGE, "ord-" + i, "x".repeat(1000));
      }
    }
    long size = Files.size(file);
    byte[] whole = Files.readAllBytes(file);
    byte[] truncated = java.util.Arrays.copyOf(whole, (int) (size / 2));
    Files.write(file, truncated);
    Files.writeString(dir.resolve("hopscope.db.corrupt-20261126T100000Z"), "an earlier one");

    try (IncidentDatabase db = IncidentDatabase.open(file, clock)) {
      Path moved = dir.resolve("hopscope.db.corrupt-20261126T100000Z-1");
      assertThat(db.warnings()).hasSize(1);
      assertThat(db.warnings().get(0))
          .startsWith("hopscope.db was damaged (integrity_check: ")
          .contains("); moved to " + moved + "; a new one was created.");
      assertThat(Files.readAllBytes(moved)).isEqualTo(truncated);
      assertThat(db.incidents().list(null, 10)).isEmpty();
      assertThat(db.integrityCheck()).isEqualTo("ok");
    }
    assertThat(siblings())
        .contains(
            "hopscope.db",
            "hopscope.db.corrupt-20261126T100000Z",
            "hopscope.db.corrupt-20261126T100000Z-1");
  }

  private List<String> siblings() throws IOException {
    List<String> names = new ArrayList<>();
    try (var list = Files.list(dir)) {
      list.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }

  private static String single(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(query)) {
      row.next();
      return row.getString(1);
    }
  }

  /** Schema v1 as Hopscope first shipped it, written out here so the test does not read V1.sql. */
  static final String[] V1_BY_HAND = {
    "CREATE TABLE incidents (id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL,"
        + " severity TEXT NOT NULL CHECK (severity IN ('SEV1','SEV2','SEV3','SEV4')), path TEXT,"
        + " window_from INTEGER, window_to INTEGER,"
        + " status TEXT NOT NULL CHECK (status IN ('OPEN','MITIGATED','RESOLVED')),"
        + " opened_at INTEGER NOT NULL, detected_at INTEGER, mitigated_at INTEGER,"
        + " resolved_at INTEGER, opened_by TEXT NOT NULL,"
        + " CHECK ((window_from IS NULL) = (window_to IS NULL)))",
    "CREATE INDEX incidents_opened ON incidents (opened_at, id)",
    "CREATE TABLE timeline (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " incident_id INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,"
        + " at INTEGER NOT NULL, kind TEXT NOT NULL, actor TEXT NOT NULL, summary TEXT NOT NULL,"
        + " detail TEXT NOT NULL DEFAULT '{}')",
    "CREATE INDEX timeline_incident ON timeline (incident_id, at, id)",
    "CREATE TABLE notes (id INTEGER PRIMARY KEY AUTOINCREMENT,"
        + " incident_id INTEGER REFERENCES incidents (id) ON DELETE CASCADE,"
        + " scope TEXT NOT NULL CHECK (scope IN ('INCIDENT','STEP','HOP','MESSAGE')),"
        + " key TEXT NOT NULL, text TEXT NOT NULL, updated_at INTEGER NOT NULL)",
    "CREATE UNIQUE INDEX notes_scope ON notes (ifnull(incident_id, 0), scope, key)",
    "INSERT INTO incidents (title, severity, path, status, opened_at, opened_by)"
        + " VALUES ('erp timeouts', 'SEV2', 'orders', 'OPEN', 1764140000000, 'ana')",
    "INSERT INTO timeline (incident_id, at, kind, actor, summary)"
        + " VALUES (1, 1764140000000, 'OPENED', 'ana', 'opened')",
    "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
        + " VALUES (1, 'HOP', 'erp-adapter', 'slow SOAP', 1764140000000)",
    "INSERT INTO notes (incident_id, scope, key, text, updated_at)"
        + " VALUES (NULL, 'MESSAGE', 'ord-7', 'loose', 1764140000000)",
    "PRAGMA user_version = 1"
  };
}
