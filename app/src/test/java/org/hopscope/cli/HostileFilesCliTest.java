package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.faults.Fault;
import org.hopscope.faults.HostileYaml;
import org.hopscope.playbook.PlaybookReaderTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code paths}, {@code paths --validate}, {@code playbook list} and {@code playbook validate} with
 * a hostile file beside a good one: the good one is listed, the bad one is one located line on
 * stderr, the exit code is the usual one (list: 0, validate: 2), nothing crashes.
 */
@Fault(Fault.Area.FILES)
class HostileFilesCliTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "paths: {0}")
  @EnumSource(
      value = HostileYaml.class,
      names = {"DEEP_BLOCK", "DEEP_FLOW", "ALIAS_BOMB", "ESCAPE_SEQUENCE", "HUGE_FILE"})
  void pathsListsTheGoodPathAndLocatesTheBadFile(HostileYaml hostile) throws IOException {
    Files.copy(
        Path.of(System.getProperty("hopscope.home"), "queries", "orders.yaml"),
        dir.resolve("orders.yaml"));
    Path bad = Files.write(dir.resolve("bad.yaml"), hostile.bytes("", ""));
    String located =
        bad + (hostile.line == 0 ? "" : ":" + hostile.line + ":" + hostile.column) + ": ";

    CliRun list = CliRun.run("paths", "--paths-dir", dir.toString());
    CliRun validate = CliRun.run("paths", "--validate", "--paths-dir", dir.toString());

    assertThat(list.out).as(list.toString()).startsWith("orders ");
    assertThat(list.err).as(list.toString()).contains(located + hostile.message(""));
    assertThat(validate.exitCode).as(validate.toString()).isEqualTo(2);
    assertThat(validate.out).contains("(orders)");
    assertThat(validate.err).contains(located + hostile.message(""));
    assertThat(list.err + validate.err).doesNotContain("\u001b").doesNotContain("lol, lol");
  }

  @ParameterizedTest(name = "playbooks: {0}")
  @EnumSource(
      value = HostileYaml.class,
      names = {"DEEP_FLOW", "LONG_LINE", "NUL_BYTE", "INVALID_UTF8"})
  void playbookListAndValidateKeepTheGoodPlaybook(HostileYaml hostile) throws IOException {
    Files.copy(PlaybookReaderTest.SAMPLE, dir.resolve("consumer-lag.md"));
    Path bad =
        Files.write(
            dir.resolve("bad.md"), hostile.bytes("---\n", "id: bad\n---\n## Step {#step}\n"));
    String located =
        bad
            + ":"
            + (hostile.line + 1)
            + ":"
            + hostile.column
            + ": "
            + (hostile.inYaml ? "front matter: " : "")
            + hostile.message("---\n");

    CliRun list = CliRun.run("playbook", "list", "--playbooks-dir", dir.toString());
    CliRun validate = CliRun.run("playbook", "validate", "--playbooks-dir", dir.toString());

    assertThat(list.exitCode).as(list.toString()).isZero();
    assertThat(list.out).contains("consumer-lag");
    assertThat(list.err).isEqualTo(located + System.lineSeparator());
    assertThat(validate.exitCode).as(validate.toString()).isEqualTo(2);
    assertThat(validate.err).contains(located);
  }
}
