package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hopscope data}: shows the folders; --forget --yes removes Hopscope's files only. */
class DataCommandTest {

  @TempDir Path home;
  private Path config;
  private Path data;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void files() throws IOException {
    config = Files.createDirectories(home.resolve("cfg"));
    data = Files.createDirectories(home.resolve("data"));
    Files.createDirectories(config.resolve("profiles"));
    Files.writeString(config.resolve("profiles/prod.yaml"), "elasticsearch: {url: x}\n");
    Files.writeString(config.resolve("ui.properties"), "theme=dark\n");
    Files.writeString(config.resolve("masking.yaml"), "builtins: true\n");
    Files.writeString(config.resolve("notes-of-mine.txt"), "not Hopscope's\n");
    Files.writeString(data.resolve("hopscope.db"), "db");
    Files.writeString(data.resolve("hopscope.db-wal"), "wal");
    Files.writeString(data.resolve("hopscope.db.bak-v1"), "backup");
    Files.writeString(data.resolve("hopscope.db.corrupt-20261126T020000Z"), "moved aside");
    Files.writeString(data.resolve("hopscope.dbx"), "not a companion");
    Files.writeString(data.resolve("hopscope-0.log"), "newest log");
    Files.writeString(data.resolve("hopscope-1.log"), "rotated log");
    Files.writeString(data.resolve("hopscope-0.log.lck"), "");
    Files.writeString(data.resolve("hopscope.log.txt"), "not the log");
    Files.createDirectories(data.resolve("sandbox"));
  }

  private int run(String... args) {
    Properties system = new Properties();
    system.setProperty("hopscope.config.dir", config.toString());
    system.setProperty("hopscope.data.dir", data.toString());
    system.setProperty("user.home", home.toString());
    return Main.run(
        new CliContext(
            Map.of(),
            system,
            Clock.systemUTC(),
            home,
            new PrintWriter(out, true),
            new PrintWriter(err, true)),
        args);
  }

  @Test
  void showsWhereTheFilesAre() {
    assertThat(run("data")).isZero();
    assertThat(out.toString())
        .isEqualTo(
            "configuration  "
                + config
                + "\nlocal store    "
                + data.resolve("hopscope.db")
                + "\nlog            "
                + data.resolve("hopscope-0.log")
                + "\n10 files, 1 KB\n");
  }

  @Test
  void forgetWithoutYesRemovesNothing() {
    assertThat(run("data", "--forget")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("nothing removed. Add --yes to remove these 10 files");
    assertThat(config.resolve("profiles/prod.yaml")).exists();
    assertThat(data.resolve("hopscope.db")).exists();
  }

  @Test
  void forgetWithYesRemovesExactlyHopscopesFiles() throws IOException {
    assertThat(run("data", "--forget", "--yes")).isZero();
    try (var left = Files.walk(home)) {
      assertThat(left.filter(p -> !p.equals(home)).map(p -> home.relativize(p).toString()))
          .containsExactlyInAnyOrder(
              "cfg",
              "cfg/notes-of-mine.txt",
              "data",
              "data/hopscope.dbx",
              "data/hopscope.log.txt",
              "data/sandbox");
    }
    assertThat(out.toString())
        .contains("removed " + data.resolve("hopscope.db.corrupt-20261126T020000Z"))
        .contains("removed " + data.resolve("hopscope-1.log"))
        .contains("left the developer sandbox in " + data.resolve("sandbox"));
    assertThat(err.toString()).isEmpty();
  }
}
