package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The first line of {@code hopscope flow} (and its {@code headline} in JSON) on the sandbox. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlowHeadlineCliSandboxTest {

  private final ObjectMapper json = new ObjectMapper();
  private Manifest manifest;
  private String es;

  @BeforeAll
  void seeded(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    es = sandbox.state().elasticsearchUrl();
  }

  private CliRun flow(String id, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "flow",
                "--path",
                "orders",
                "--id",
                id,
                "--es",
                es,
                "--no-metrics",
                "--from",
                manifest.from(),
                "--to",
                manifest.now()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  private static String firstLine(CliRun run) {
    return run.out.lines().findFirst().orElseThrow();
  }

  @Test
  void stuckMessageSaysWhereForHowLongAndTheLastError() {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    CliRun run = flow(stuck.id());
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(firstLine(run))
        .isEqualTo(
            "STUCK at fulfilment-service for 24 min - last error: ERP adapter pool exhausted"
                + " (30 active, 212 waiting), message parked");
  }

  @Test
  void failedMessageSaysFailedNotError() {
    Manifest.ClassMessage failed = manifest.classes().get("FAILED").messages().get(0);
    CliRun run = flow(failed.id());
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(firstLine(run))
        .isEqualTo("FAILED at erp-adapter for 2 h 28 min - last failure: SOAP CreateSalesOrder");
    assertThat(run.out.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("orders  " + failed.id() + "  FAILED");
  }

  @Test
  void searchByErpNumberShowsTheMessageId() throws IOException {
    Manifest.ReKey pair = manifest.reKeys().pairs().get(0);
    CliRun run = flow(pair.erpDocumentNumber());
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(firstLine(run))
        .isEqualTo(
            "OK - passed all 6 hops in 2 min 7 s - found by "
                + pair.erpDocumentNumber()
                + ": message "
                + pair.messageId());
    CliRun asJson = flow(pair.erpDocumentNumber(), "--json");
    JsonNode headline = json.readTree(asJson.out).path("headline");
    assertThat(headline.path("messageId").asText()).isEqualTo(pair.messageId());
    assertThat(headline.path("foundBy").path("kind").asText()).isEqualTo("LINKED_ID");
    assertThat(headline.path("text").asText()).isEqualTo(firstLine(run));
  }

  @Test
  void searchByTraceIdShowsTheMessageId() throws IOException {
    Manifest.ReKey pair = manifest.reKeys().pairs().get(0);
    JsonNode byId = json.readTree(flow(pair.messageId(), "--json").out);
    String trace = byId.path("hops").get(0).path("events").get(0).path("traceId").asText();
    CliRun run = flow(trace);
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(firstLine(run))
        .isEqualTo(
            "OK - passed all 6 hops in 2 min 7 s - found by trace ID "
                + trace
                + ": message "
                + pair.messageId()
                + " - also known as "
                + pair.erpDocumentNumber());
  }
}
