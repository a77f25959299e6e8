package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hopscope playbook list|validate}: output and exit codes, in-process. */
class PlaybookCommandTest {

  private static final Path SAMPLE =
      Path.of("src", "test", "resources", "playbooks", "consumer-lag.md").toAbsolutePath();

  @TempDir Path dir;
  private String broken;

  @BeforeEach
  void twoPlaybooksOneBroken() throws IOException {
    String sample = Files.readString(SAMPLE);
    Files.writeString(dir.resolve("consumer-lag.md"), sample);
    broken = dir.resolve("broken.md").toString();
    Files.writeString(
        dir.resolve("broken.md"),
        sample
            .replace("id: consumer-lag", "id: broken")
            .replace("fail: consumer-errors", "fail: consumer-error"));
  }

  @Test
  @Fault(Fault.Area.FILES)
  void listShowsTheValidOnesAndReportsTheOthersOnStderrWithExit0() {
    CliRun run = CliRun.run("playbook", "list", "--playbooks-dir", dir.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out)
        .isEqualTo(
            String.format(
                "%-24s %5s  %-48s %s%n%-24s %5d  %-48s %s%n",
                "ID",
                "STEPS",
                "APPLIES TO",
                "TITLE",
                "consumer-lag",
                3,
                "paths=orders hops=fulfilment-service alerts=OrdersConsumerLagGrowing",
                "Kafka consumer lag growing on orders.v1"));
    assertThat(run.err)
        .isEqualTo(
            broken
                + ":30:7: next of step 'lag-growing': unknown step target 'consumer-error'; steps"
                + " are: lag-growing, consumer-errors, restart-check (or end)"
                + System.lineSeparator());
  }

  @Test
  void listJson() {
    CliRun run = CliRun.run("playbook", "list", "--json", "--playbooks-dir", dir.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    String file = dir.resolve("consumer-lag.md").toString();
    assertThat(run.out.replaceAll("\\s+", ""))
        .isEqualTo(
            ("{\"playbooks\":[{\"id\":\"consumer-lag\",\"title\":\"Kafka consumer lag growing on"
                    + " orders.v1\",\"file\":\""
                    + file
                    + "\",\"appliesTo\":{\"paths\":[\"orders\"],"
                    + "\"hops\":[\"fulfilment-service\"],\"alerts\":[\"OrdersConsumerLagGrowing\"]},"
                    + "\"variables\":[{\"name\":\"hop\",\"default\":\"fulfilment-service\","
                    + "\"description\":\"the consumer hop\",\"pinned\":false},{\"name\":\"window\","
                    + "\"default\":\"30m\",\"description\":\"how far back to look\",\"pinned\":false},"
                    + "{\"name\":\"message_id\",\"default\":\"\",\"description\":\"a message from"
                    + " the alert, if any\",\"pinned\":false}],"
                    + "\"steps\":3}],\"problems\":[{\"file\":\""
                    + broken
                    + "\",\"line\":30,"
                    + "\"column\":7,\"message\":\"next of step 'lag-growing': unknown step target"
                    + " 'consumer-error'; steps are: lag-growing, consumer-errors, restart-check (or"
                    + " end)\"}]}")
                .replaceAll("\\s+", ""));
  }

  @Test
  @Fault(Fault.Area.FILES)
  void validateTheDirectoryExits2WithEveryProblemLocated() {
    CliRun run = CliRun.run("playbook", "validate", "--playbooks-dir", dir.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.out)
        .isEqualTo(
            "ok  " + dir.resolve("consumer-lag.md") + " (consumer-lag)" + System.lineSeparator());
    assertThat(run.err)
        .isEqualTo(
            broken
                + ":30:7: next of step 'lag-growing': unknown step target 'consumer-error'; steps"
                + " are: lag-growing, consumer-errors, restart-check (or end)"
                + System.lineSeparator()
                + "1 problem in 1 file"
                + System.lineSeparator());
  }

  @Test
  void validateGivenFilesExits0WhenAllAreValid() {
    CliRun run = CliRun.run("playbook", "validate", SAMPLE.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out).isEqualTo("ok  " + SAMPLE + " (consumer-lag)" + System.lineSeparator());
    assertThat(run.err).isEmpty();
  }

  @Test
  void validateChecksHopsAgainstThePathDefinitions() throws IOException {
    Path file = dir.resolve("consumer-lag.md");
    Files.writeString(
        file, Files.readString(file).replace("hops: [fulfilment-service]", "hops: [fulfillment]"));

    CliRun run = CliRun.run("playbook", "validate", file.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.err)
        .isEqualTo(
            file
                + ":6:10: front matter: 'applies_to': unknown hop 'fulfillment'; hops of the paths"
                + " are api-gateway, order-service, orders.v1, fulfilment-service, erp-adapter,"
                + " erp-confirmation"
                + System.lineSeparator()
                + "1 problem in 1 file"
                + System.lineSeparator());
  }

  @Test
  @Fault(Fault.Area.FILES)
  void aMissingFileOrDirectoryIsAUsageError() {
    CliRun missingFile = CliRun.run("playbook", "validate", dir.resolve("nope.md").toString());
    assertThat(missingFile.exitCode).isEqualTo(2);
    assertThat(missingFile.err)
        .startsWith(dir.resolve("nope.md") + ": no such file" + System.lineSeparator());

    CliRun missingDir =
        CliRun.run("playbook", "list", "--playbooks-dir", dir.resolve("x").toString());
    assertThat(missingDir.exitCode).isEqualTo(2);
    assertThat(missingDir.err)
        .isEqualTo(
            dir.resolve("x")
                + ": no such directory; playbooks are read from *.md files in it"
                + System.lineSeparator());
  }
}
