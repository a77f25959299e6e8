package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many processes opening one store at the same moment (the client beside command-line loops): all
 * succeed, there is one schema, an old file is backed up and upgraded once. Each child JVM ({@link
 * StoreOpenerProcess}) loads SQLite first and then waits for a line on stdin; the line is written
 * to all of them at once, so the opens overlap (before the fix 10 of 32 failed with "table
 * incidents already exists" or "not Hopscope's").
 */
@Fault(Fault.Area.STORE)
class StoreOpenRaceTest {

  private static final int OPENERS = 32;

  /**
   * Upgraders: enough to overlap (before the fix each made its own backup), fewer JVMs to start.
   */
  private static final int UPGRADERS = 8;

  /** The schema's tables and indexes (sqlite_master names, sorted). */
  private static final List<String> SCHEMA =
      List.of(
          "evidence",
          "evidence_incident",
          "incidents",
          "incidents_opened",
          "notes",
          "notes_scope",
          "sqlite_autoindex_step_state_1",
          "sqlite_sequence",
          "step_state",
          "timeline",
          "timeline_incident");

  @TempDir Path dir;
  private final List<ChildJvm> children = new ArrayList<>();

  @AfterEach
  void endChildren() {
    children.forEach(ChildJvm::kill);
  }

  @Test
  void thirtyTwoProcessesCreatingOneNewStoreAllSucceedWithOneSchema() throws Exception {
    Path file = dir.resolve("data").resolve("hopscope.db");

    List<List<String>> outputs = openAtOnce(file, OPENERS);

    assertThat(outputs).allSatisfy(out -> assertThat(out).containsExactly("opened v2"));
    assertSchema(file);
    assertThat(siblings(file)).containsExactly("hopscope.db");
  }

  @Test
  void processesOpeningAnOldStoreTogetherUpgradeItOnceWithOneBackup() throws Exception {
    Path file = dir.resolve("data").resolve("hopscope.db");
    Files.createDirectories(file.getParent());
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement sql = raw.createStatement()) {
      for (String statement : IncidentDatabaseTest.V1_BY_HAND) {
        sql.execute(statement);
      }
    }

    List<List<String>> outputs = openAtOnce(file, UPGRADERS);

    Path backup = file.resolveSibling("hopscope.db.bak-v1");
    String upgraded =
        "warning hopscope.db was upgraded from schema v1 to v2; the old file is kept as " + backup;
    assertThat(outputs).allSatisfy(out -> assertThat(out.get(0)).isEqualTo("opened v2"));
    assertThat(outputs.stream().filter(out -> out.equals(List.of("opened v2", upgraded))))
        .as("the upgraders' outputs %s", outputs)
        .hasSize(1);
    assertThat(outputs.stream().filter(out -> out.equals(List.of("opened v2"))))
        .as("the upgraders' outputs %s", outputs)
        .hasSize(UPGRADERS - 1);
    assertSchema(file);
    assertThat(single(file, "SELECT title FROM incidents")).isEqualTo("erp timeouts");
    assertThat(single(backup, "PRAGMA user_version")).isEqualTo("1");
    assertThat(siblings(file)).containsExactly("hopscope.db", "hopscope.db.bak-v1");
  }

  @Test
  void thirtyTwoThreadsOpeningOneNewStoreAllSucceedWithOneSchema() throws Exception {
    Path file = dir.resolve("hopscope.db");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(OPENERS);
    try {
      List<Future<List<String>>> opened = new ArrayList<>();
      for (int i = 0; i < OPENERS; i++) {
        opened.add(
            threads.submit(
                () -> {
                  start.await();
                  try (IncidentDatabase db = IncidentDatabase.open(file, Clock.systemUTC())) {
                    List<String> seen = new ArrayList<>(db.warnings());
                    seen.add("v" + db.read(Migrations::userVersion));
                    return seen;
                  }
                }));
      }
      start.countDown();
      for (Future<List<String>> result : opened) {
        assertThat(result.get(60, TimeUnit.SECONDS)).containsExactly("v2");
      }
    } finally {
      threads.shutdownNow();
    }
    assertSchema(file);
    assertThat(siblings(file)).containsExactly("hopscope.db");
  }

  /** Starts {@code count} children on {@code file}, releases them together; their stdout. */
  private List<List<String>> openAtOnce(Path file, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      children.add(
          ChildJvm.start(
              dir,
              "opener-" + i,
              List.of(),
              StoreOpenerProcess.class,
              file.toString(),
              dir.resolve("warm-up-" + i).resolve("hopscope.db").toString()));
    }
    for (ChildJvm child : children) {
      child.awaitLine("ready", 120); // 32 JVMs starting on a shared 2-core machine
    }
    for (ChildJvm child : children) {
      OutputStream stdin = child.process().getOutputStream();
      stdin.write("go\n".getBytes(StandardCharsets.UTF_8));
      stdin.flush();
    }
    List<List<String>> outputs = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < children.size(); i++) {
      ChildJvm child = children.get(i);
      int code = child.exitCode(120);
      if (code != 0 || !child.err().isEmpty()) {
        failures.add("child " + i + ": exit " + code + ", stderr " + child.err());
      }
      List<String> out = child.out();
      outputs.add(out.subList(1, out.size())); // after "ready"
    }
    assertThat(failures).as("%d of %d children failed", failures.size(), count).isEmpty();
    return outputs;
  }

  private static void assertSchema(Path file) throws SQLException {
    assertThat(single(file, "PRAGMA user_version")).isEqualTo("2");
    assertThat(single(file, "PRAGMA integrity_check")).isEqualTo("ok");
    assertThat(single(file, "PRAGMA journal_mode")).isEqualTo("wal");
    assertThat(
            single(
                file,
                "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master ORDER BY name)"))
        .isEqualTo(String.join(",", SCHEMA));
  }

  private static String single(Path file, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = c.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      return row.next() ? row.getString(1) : null;
    }
  }

  /** The names in the file's folder, sorted (no -wal, -shm or backups left behind). */
  static List<String> siblings(Path file) throws IOException {
    try (Stream<Path> files = Files.list(file.getParent())) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
