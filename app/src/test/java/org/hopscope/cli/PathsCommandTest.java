package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.hopscope.faults.Fault;
import org.hopscope.oncall.BrokenPath;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code paths}; with {@code --validate} and a connection against the test sandbox. */
@ExtendWith(SandboxExtension.class)
class PathsCommandTest {

  @Test
  void listsTheShippedPaths() {
    CliRun run = CliRun.run("paths");
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out)
        .isEqualTo(
            "orders           6 hops: api-gateway -> order-service -> orders.v1 ->"
                + " fulfilment-service -> erp-adapter -> erp-confirmation\n"
                + "payments         5 hops: payments-api -> payment-service -> ledger ->"
                + " settlement-batcher -> clearing\n");
  }

  @Test
  @Fault(Fault.Area.FILES)
  void validateReportsTheBadFileWithItsLineAndKeepsTheGoodOne(@TempDir Path dir)
      throws IOException {
    copyOrders(dir);
    Files.writeString(
        dir.resolve("broken.yaml"), "path: broken\nhops:\n  - name: a\n    sla_ms: 5\n");
    CliRun run = CliRun.run("paths", "--validate", "--paths-dir", dir.toString());
    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.out).contains("ok  ").contains("(orders)");
    assertThat(run.err).contains("broken.yaml:4:5: unknown key 'sla_ms'");
  }

  @Test
  void validateWithAConnectionListsEveryWrongPatternAndFieldWhereWritten(
      TestSandbox sandbox, @TempDir Path dir) throws IOException {
    Path file = BrokenPath.writeInto(dir);
    String url = sandbox.state().elasticsearchUrl();

    CliRun run = CliRun.run("paths", "--validate", "--es", url, "--paths-dir", dir.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
    assertThat(run.out)
        .isEqualTo(
            "bad "
                + file
                + " (broken): 4 problems\n"
                + "4 problems in 5 index patterns of 1 path on Elasticsearch "
                + url
                + "\n");
    assertThat(run.err)
        .isEqualTo(
            BrokenPath.findings(file).stream()
                .map(f -> f.text() + "\n")
                .collect(Collectors.joining()));
    assertThat(run.err)
        .contains(
            file
                + ":25:16: path broken, hop fulfilment-service, index logs-fulfilmnet-*: no index,"
                + " alias or data stream this user may read matches it (index_not_found_exception:"
                + " no such index [logs-fulfilmnet-*]); did you mean logs-fulfilment-*?\n");
  }

  @Test
  void validateWithAConnectionPassesTheOrdersPath(TestSandbox sandbox, @TempDir Path dir)
      throws IOException {
    Path file = copyOrders(dir);
    String url = sandbox.state().elasticsearchUrl();

    CliRun run = CliRun.run("paths", "--validate", "--es", url, "--paths-dir", dir.toString());

    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out)
        .isEqualTo(
            "ok  "
                + file
                + " (orders): 7 index patterns readable, fields mapped\n"
                + "7 index patterns of 1 path readable, fields mapped on Elasticsearch "
                + url
                + "\n");
    assertThat(run.err).isEmpty();
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void validateAgainstAClusterThatDoesNotAnswerExits4(@TempDir Path dir) throws IOException {
    BrokenPath.writeInto(dir);
    String url = "http://127.0.0.1:" + freePort();

    CliRun run = CliRun.run("paths", "--validate", "--es", url, "--paths-dir", dir.toString());

    assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
    assertThat(run.out).isEmpty();
    assertThat(run.err)
        .isEqualTo(
            "hopscope: Elasticsearch at "
                + url
                + " is unreachable (connection refused) for the check of the index patterns"
                + " [gateway-access-*, logs-order-service-*, logs-fulfilmnet-*, jaeger-span-*,"
                + " logs-erp-confirmation-*]. Check the URL, that Elasticsearch is running, and"
                + " your VPN or network.\n");
  }

  private static Path copyOrders(Path dir) throws IOException {
    return Files.copy(
        Path.of(System.getProperty("hopscope.home"), "queries", "orders.yaml"),
        dir.resolve("orders.yaml"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
