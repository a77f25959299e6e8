package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathsCommandTest {

  @Test
  void listsTheShippedPaths() {
    CliRun run = CliRun.run("paths");
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out)
        .isEqualTo(
            "orders           6 hops: api-gateway -> order-service -> orders.v1 ->"
                + " fulfilment-service -> erp-adapter -> erp-confirmation\n");
  }

  @Test
  void validateReportsTheBadFileWithItsLineAndKeepsTheGoodOne(@TempDir Path dir)
      throws IOException {
    Files.copy(
        Path.of(System.getProperty("hopscope.home"), "queries", "orders.yaml"),
        dir.resolve("orders.yaml"));
    Files.writeString(
        dir.resolve("broken.yaml"), "path: broken\nhops:\n  - name: a\n    sla_ms: 5\n");
    CliRun run = CliRun.run("paths", "--validate", "--paths-dir", dir.toString());
    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.out).contains("ok  ").contains("(orders)");
    assertThat(run.err).contains("broken.yaml:4:5: unknown key 'sla_ms'");
  }
}
