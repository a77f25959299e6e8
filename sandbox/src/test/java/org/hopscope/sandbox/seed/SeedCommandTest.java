package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxException;
import org.hopscope.sandbox.SandboxMain;
import org.hopscope.sandbox.SandboxState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SeedCommandTest {

  private static final SeedOptions OPTIONS =
      new SeedOptions(100, 1, Duration.ofHours(3), false, Instant.parse("2026-11-26T12:00:00Z"));

  @Test
  void seedingWithoutARunningSandboxSaysToRunUp(@TempDir Path dir) {
    Seeder seeder = new Seeder(new SandboxConfig(dir, "127.0.0.1", 1, 2, 3), System.out);
    assertThatThrownBy(() -> seeder.seed(OPTIONS))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining(dir.resolve("sandbox.json").toString())
        .hasMessageContaining("hopscope sandbox up");
  }

  @Test
  void seedingWhenElasticsearchDoesNotAnswerNamesTheUrl(@TempDir Path dir) throws Exception {
    SandboxConfig config = new SandboxConfig(dir, "127.0.0.1", 1, 2, 3);
    SandboxState state =
        new SandboxState(
            "http://127.0.0.1:1",
            false,
            null,
            null,
            null,
            null,
            "http://127.0.0.1:2",
            "http://127.0.0.1:3",
            null,
            null,
            null);
    new ObjectMapper().writeValue(config.stateFile().toFile(), state);
    Files.writeString(config.manifestFile(), "{}");
    assertThatThrownBy(() -> new Seeder(config, System.out).seed(OPTIONS))
        .isInstanceOf(SandboxException.class)
        .hasMessageContaining("http://127.0.0.1:1")
        .hasMessageContaining("hopscope sandbox up");
    assertThat(config.manifestFile()).as("an old manifest stays until ES answers").exists();
  }

  @Test
  void rejectsOutOfRangeOptionsWithAMessage(@TempDir Path dir) {
    assertThat(run(dir, "--messages", "0"))
        .contains("--messages 0 is out of range: use 1 to 10000000");
    assertThat(run(dir, "--payments", "-1"))
        .contains("--payments -1 is out of range: use 0 to 10000000");
    assertThat(run(dir, "--window", "5m")).contains("--window PT5M is out of range: use 20m to 7d");
    assertThat(run(dir, "--window", "soon")).contains("'soon' is not a duration");
  }

  @Test
  void windowAcceptsShortFormsAndIso() {
    SeedCommand.WindowConverter c = new SeedCommand.WindowConverter();
    assertThat(c.convert("90m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(c.convert("3h")).isEqualTo(Duration.ofHours(3));
    assertThat(c.convert("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(c.convert("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(c.convert("PT2H")).isEqualTo(Duration.ofHours(2));
  }

  private static String run(Path dir, String... args) {
    CommandLine cl = SandboxMain.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 3];
    all[0] = "seed";
    all[1] = "--dir";
    all[2] = dir.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    assertThat(cl.execute(all)).isNotZero();
    return err.toString();
  }
}
