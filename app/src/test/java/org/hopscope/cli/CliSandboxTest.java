package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code hopscope flow} and {@code stuck} as a user runs them, against the seeded sandbox. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliSandboxTest {

  private final ObjectMapper json = new ObjectMapper();
  private Manifest manifest;
  private String es;
  private String prometheus;

  @BeforeAll
  void seeded(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    es = sandbox.state().elasticsearchUrl();
    prometheus = sandbox.state().prometheusUrl();
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
                "--prometheus",
                prometheus,
                "--from",
                manifest.from(),
                "--to",
                manifest.now()));
    args.addAll(List.of(extra));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void stuckMessageFlowAsJsonNamesTheHopAndCarriesMetrics() throws IOException {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    CliRun run = flow(stuck.id(), "--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = json.readTree(run.out);
    assertThat(flow.path("verdict").asText()).isEqualTo("STUCK");
    assertThat(flow.path("stuckAt").asText()).isEqualTo(stuck.hop());
    assertThat(flow.path("query").asText()).isEqualTo(stuck.id());
    assertThat(flow.path("ids").get(0).asText()).isEqualTo(stuck.id());
    List<String> hops = new ArrayList<>();
    flow.path("hops").forEach(h -> hops.add(h.path("name").asText()));
    assertThat(hops)
        .containsExactly(
            "api-gateway",
            "order-service",
            "orders.v1",
            "fulfilment-service",
            "erp-adapter",
            "erp-confirmation");
    assertThat(flow.path("metrics").size()).isEqualTo(11);
    List<String> warnings = new ArrayList<>();
    flow.path("warnings").forEach(w -> warnings.add(w.asText()));
    assertThat(warnings).noneMatch(w -> w.startsWith("metrics unavailable"));
  }

  @Test
  void humanTableShowsEveryHop() {
    Manifest.ClassMessage failed = manifest.classes().get("FAILED").messages().get(0);
    CliRun run = flow(failed.id(), "--no-metrics");
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.out.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("orders  " + failed.id() + "  FAILED");
    assertThat(run.out.lines().filter(l -> l.startsWith(failed.hop() + " "))).hasSize(1);
    assertThat(run.out.lines().filter(l -> l.contains("NO_EVIDENCE") || l.contains("OK")))
        .isNotEmpty();
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void unknownAndHostileIdsFindNothingWithExitThree() {
    for (String id : List.of("\" OR 1=1", "*", "ord-*", "ord\\\\", "😀", "x".repeat(10_000))) {
      CliRun run = flow(id, "--json", "--no-metrics");
      assertThat(run.exitCode).as(id + "\n" + run).isEqualTo(3);
      assertThat(run.out).contains("\"verdict\" : \"NO_EVIDENCE\"");
    }
  }

  @Test
  void noEvidenceSaysWhichWindowWasSearched() {
    CliRun run =
        CliRun.run(
            "flow",
            "--path",
            "orders",
            "--id",
            "ord-never-sent",
            "--es",
            es,
            "--no-metrics",
            "--to",
            "2026-11-26T03:00:00Z");
    assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
    assertThat(run.err.lines().filter(l -> l.startsWith("note: ")))
        .as(run.toString())
        .containsExactly(
            "note: nothing found between 2026-11-25T03:00:00Z and 2026-11-26T03:00:00Z (the"
                + " default: the last 24 h); give --from to look further back");
  }

  @Fault(Fault.Area.HOSTILE_DATA)
  @Test
  void hostileIdsFromTheSeedMatchExactlyTheirMessage() throws IOException {
    for (String id : manifest.hostileIds()) {
      CliRun run = flow(id, "--json", "--no-metrics");
      assertThat(run.exitCode).as(id + "\n" + run).isZero();
      JsonNode flow = json.readTree(run.out);
      assertThat(flow.path("verdict").asText()).isEqualTo("OK");
      assertThat(flow.path("hops").get(0).path("events")).hasSize(1);
    }
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void tlsVerificationSwitchedOffByTheEnvironmentIsOneWarningLine() {
    Manifest.ClassMessage failed = manifest.classes().get("FAILED").messages().get(0);
    List<String> args =
        List.of(
            "flow", "--path", "orders", "--id", failed.id(), "--es", es, "--no-metrics", "--json");
    CliRun run = CliRun.run(Map.of("HOPSCOPE_ES_INSECURE", "true"), args.toArray(String[]::new));
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(run.err.lines().filter(l -> l.contains("TLS")))
        .as(run.toString())
        .containsExactly(
            "warning: Elasticsearch: TLS certificate verification is OFF for "
                + es
                + " (insecure); anyone on the network path can read and change the traffic");
  }

  @Test
  @Fault(Fault.Area.BACKENDS)
  void deadPrometheusLeavesTheFlowWithAWarning() throws IOException {
    String id = manifest.classes().get("HEALTHY").messages().get(0).id();
    String dead = "http://127.0.0.1:" + closedPort();
    List<String> args =
        List.of("flow", "--path", "orders", "--id", id, "--es", es, "--prometheus", dead, "--json");
    CliRun run = CliRun.run(args.toArray(String[]::new));
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = json.readTree(run.out);
    assertThat(flow.path("verdict").asText()).isEqualTo("OK");
    assertThat(flow.path("metrics")).isEmpty();
    List<String> unavailable = new ArrayList<>();
    flow.path("warnings")
        .forEach(
            w -> {
              if (w.asText().startsWith("metrics unavailable: ")) {
                unavailable.add(w.asText());
              }
            });
    assertThat(unavailable).singleElement().asString().contains(dead);
  }

  @Test
  @Fault(Fault.Area.BACKENDS)
  void deadElasticsearchIsExitFourNamingIt() throws IOException {
    String url = "http://127.0.0.1:" + closedPort();
    CliRun run = CliRun.run("flow", "--path", "orders", "--id", "x", "--es", url);
    assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
    assertThat(run.err).contains("Elasticsearch").contains(url);
  }

  @Test
  void stuckCountsEqualTheManifestIncidentWindow() throws IOException {
    CliRun run =
        CliRun.run(
            "stuck",
            "--path",
            "orders",
            "--es",
            es,
            "--from",
            manifest.incidentStart(),
            "--to",
            manifest.now(),
            "--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode report = json.readTree(run.out);
    for (JsonNode hop : report.path("hops")) {
      Manifest.HopWindow expected = manifest.incidentWindow().hops().get(hop.path("name").asText());
      assertThat(
              List.of(
                  hop.path("entered").asLong(),
                  hop.path("left").asLong(),
                  hop.path("stuck").asLong(),
                  hop.path("failed").asLong(),
                  hop.path("deadLettered").asLong(),
                  hop.path("slow").asLong()))
          .as(hop.path("name").asText())
          .containsExactly(
              expected.entered(),
              expected.left(),
              expected.stuck(),
              expected.failed(),
              expected.deadLettered(),
              expected.slow());
    }
    long stuck = 0;
    for (JsonNode m : report.path("messages")) {
      stuck += m.has("stuckAt") ? 1 : 0;
    }
    long expectedStuck =
        manifest.incidentWindow().hops().values().stream()
            .mapToLong(Manifest.HopWindow::stuck)
            .sum();
    assertThat(stuck).isEqualTo(expectedStuck);
  }

  @Test
  void badTimeAndUnknownPathAreUsageErrors() {
    CliRun badTime =
        CliRun.run("flow", "--path", "orders", "--id", "x", "--es", es, "--from", "yesterday");
    assertThat(badTime.exitCode).isEqualTo(2);
    assertThat(badTime.err).contains("--from 'yesterday' is not a time");
    CliRun badPath = CliRun.run("flow", "--path", "nope", "--id", "x", "--es", es);
    assertThat(badPath.exitCode).isEqualTo(2);
    assertThat(badPath.err).contains("no valid path 'nope'").contains("known: orders");
    CliRun noEs = CliRun.run(Map.of(), "flow", "--path", "orders", "--id", "x");
    assertThat(noEs.exitCode).isEqualTo(2);
    assertThat(noEs.err).contains("no Elasticsearch URL");
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
