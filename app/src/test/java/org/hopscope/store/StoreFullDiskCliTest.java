package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.cli.Main;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line on a really full disk (a small tmpfs, filled up) and with a temporary folder
 * SQLite's native library cannot be loaded from: one clear line on stderr, nothing lost, reads
 * still work, no {@code -wal}/{@code -shm}/{@code .bak-v} files left. Each command runs in its own
 * JVM through {@link Main#main}, as the launcher runs it (diagnostics go to the log file).
 */
@Fault(Fault.Area.STORE)
class StoreFullDiskCliTest {

  private static final String FROM = "--from=2026-11-26T10:00:00Z";
  private static final String TO = "--to=2026-11-26T11:00:00Z";
  private static final String FIX_TEMPORARY_FOLDER =
      "; point org.sqlite.tmpdir at an existing writable folder that allows programs, e.g. mkdir"
          + " -p ~/.cache/hopscope and HOPSCOPE_JAVA_OPTS=-Dorg.sqlite.tmpdir=$HOME/.cache/hopscope";

  @TempDir Path dir;
  private final List<ChildJvm> children = new ArrayList<>();
  private int runs;

  @AfterEach
  void endChildren() {
    children.forEach(ChildJvm::kill);
  }

  @Test
  void onAFullDiskAWriteIsOneLineReadsWorkAndNothingIsLost() throws Exception {
    try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), "4m")) {
      Path data = disk.path().resolve("data");
      Path file = data.resolve("hopscope.db");
      assertThat(cli(data, List.of(), "incident", "open", "--title=orders stuck", FROM, TO))
          .containsExactly("exit 0", "out 1");
      Path filler = disk.fill();

      assertThat(cli(data, List.of(), "incident", "open", "--title=erp down", FROM, TO))
          .containsExactly("exit 5", "err hopscope: " + StoreDiskFullTest.diskFull(file));
      List<String> listed = cli(data, List.of(), "incident", "list");
      assertThat(listed).hasSize(3).startsWith("exit 0");
      assertThat(listed.get(2)).startsWith("out 1 ").endsWith(" orders stuck");
      assertThat(storeFiles(data)).containsExactly("hopscope.db");

      Files.delete(filler);
      assertThat(cli(data, List.of(), "incident", "open", "--title=erp down", FROM, TO))
          .containsExactly("exit 0", "out 2");
      assertThat(storeFiles(data)).containsExactly("hopscope.db");
    }
  }

  @Test
  void anUpgradeThatDoesNotFitLeavesTheOldFileAndNoBackup() throws Exception {
    try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), "8m")) {
      Path data = disk.path().resolve("data");
      Path file = data.resolve("hopscope.db");
      Files.createDirectories(data);
      try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
          Statement sql = raw.createStatement()) {
        for (String statement : IncidentDatabaseTest.V1_BY_HAND) {
          sql.execute(statement);
        }
        // ~3 MB of notes: the backup copy made before upgrading cannot fit in what is left
        sql.execute(
            "WITH RECURSIVE n(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM n WHERE v < 100)"
                + " INSERT INTO notes (incident_id, scope, key, text, updated_at)"
                + " SELECT 1, 'HOP', 'hop-' || v, hex(randomblob(15000)), 0 FROM n");
      }
      Path filler = disk.path().resolve("filler");
      long keep = 3L * 1024 * 1024 / 2; // 1.5 MiB free: more than the 1 MiB of a nearly full disk
      Files.write(filler, new byte[(int) (Files.getFileStore(data).getUsableSpace() - keep)]);
      byte[] before = Files.readAllBytes(file);

      List<String> failed = cli(data, List.of(), "incident", "list");

      assertThat(failed)
          .containsExactly(
              "exit 5",
              "err hopscope: cannot open the local store "
                  + file
                  + ": the disk is full (SQLITE_FULL); free space on it and retry (the store was not"
                  + " changed)");
      assertThat(Files.readAllBytes(file)).isEqualTo(before);
      assertThat(storeFiles(data)).containsExactly("hopscope.db");

      Files.delete(filler);
      List<String> upgraded = cli(data, List.of(), "incident", "list");
      assertThat(upgraded).hasSize(4);
      assertThat(upgraded.get(0)).isEqualTo("exit 0");
      assertThat(upgraded.get(2)).startsWith("out 1 ").endsWith(" erp timeouts");
      assertThat(upgraded.get(3))
          .isEqualTo(
              "err hopscope: hopscope.db was upgraded from schema v1 to v2; the old file is kept as "
                  + data.resolve("hopscope.db.bak-v1"));
    }
  }

  @Test
  void aTemporaryFolderThatCannotHoldSqliteIsOneLine() throws Exception {
    Path data = dir.resolve("data");
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "");
    Path tmp = notAFolder.resolve("tmp");

    List<String> result = cli(data, List.of("-Djava.io.tmpdir=" + tmp), "incident", "list");

    assertThat(result)
        .containsExactly(
            "exit 5",
            "err hopscope: cannot open the local store "
                + data.resolve("hopscope.db")
                + ": SQLite's native library cannot be loaded from the temporary folder "
                + tmp
                + " (it does not exist or is not a folder)"
                + FIX_TEMPORARY_FOLDER);
  }

  @Test
  void aNoexecTemporaryFolderIsOneLine() throws Exception {
    try (Tmpfs noexec = Tmpfs.mount(dir.resolve("noexec"), "16m", "noexec")) {
      Path data = dir.resolve("data");

      List<String> result =
          cli(data, List.of("-Dorg.sqlite.tmpdir=" + noexec.path()), "incident", "list");

      assertThat(result)
          .containsExactly(
              "exit 5",
              "err hopscope: cannot open the local store "
                  + data.resolve("hopscope.db")
                  + ": SQLite's native library cannot be loaded from the temporary folder "
                  + noexec.path()
                  + " (it may be full or mounted noexec)"
                  + FIX_TEMPORARY_FOLDER);
      try (var left = Files.list(noexec.path())) {
        assertThat(left).isEmpty(); // the extracted library is removed again
      }
    }
  }

  /** Runs the CLI on {@code data}; "exit N", then "out LINE"s, then "err LINE"s. */
  private List<String> cli(Path data, List<String> jvmOptions, String... args) throws Exception {
    List<String> options = new ArrayList<>(jvmOptions);
    options.add("-Dhopscope.data.dir=" + data);
    ChildJvm child = ChildJvm.start(dir, "cli-" + runs++, options, Main.class, args);
    children.add(child);
    List<String> result = new ArrayList<>();
    result.add("exit " + child.exitCode(120));
    child.out().forEach(line -> result.add("out " + line));
    child.err().forEach(line -> result.add("err " + line));
    return result;
  }

  /** The store's files in the data folder (the diagnostics log aside). */
  private static List<String> storeFiles(Path data) throws Exception {
    return StoreOpenRaceTest.siblings(data.resolve("hopscope.db")).stream()
        .filter(name -> !name.startsWith("hopscope-"))
        .toList();
  }
}
