package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.faults.FakeBackend;
import org.hopscope.faults.Fault;
import org.hopscope.oncall.Engine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code flow} with the sandbox's Elasticsearch and a hung Prometheus (silent or trickling): the
 * flow comes back (exit 0) with one "metrics unavailable" warning naming Prometheus, its URL and
 * the timeout, after about one request timeout, not one per panel.
 */
@ExtendWith(SandboxExtension.class)
@Fault(Fault.Area.WAITS)
class WaitsCliSandboxTest {

  private static final Map<String, String> FAST =
      Map.of(
          "HOPSCOPE_PROMETHEUS_CONNECT_TIMEOUT", "1s",
          "HOPSCOPE_PROMETHEUS_REQUEST_TIMEOUT", "2s");

  private final ObjectMapper json = new ObjectMapper();

  private void flowWithHungPrometheus(TestSandbox sandbox, FakeBackend prometheus)
      throws Exception {
    Manifest manifest = Manifest.read(sandbox.manifest());
    String id = manifest.classes().get("HEALTHY").messages().get(0).id();
    long start = System.nanoTime();
    CliRun run =
        CliRun.run(
            FAST,
            "flow",
            "--path",
            "orders",
            "--id",
            id,
            "--es",
            sandbox.state().elasticsearchUrl(),
            "--prometheus",
            prometheus.url(),
            "--json");
    // generous: one 2 s timeout for all panels; before the fix they waited in turn (3x and more)
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = json.readTree(run.out);
    assertThat(flow.path("verdict").asText()).isEqualTo("OK");
    List<String> unavailable = new ArrayList<>();
    flow.path("warnings")
        .forEach(
            w -> {
              if (w.asText().startsWith("metrics unavailable: ")) {
                unavailable.add(w.asText());
              }
            });
    assertThat(unavailable)
        .containsExactly(
            "metrics unavailable: Prometheus "
                + prometheus.url()
                + " did not answer within 2 s (request timeout); check that Prometheus is"
                + " healthy, narrow the time range or raise the timeout (requestTimeout in the"
                + " profile, HOPSCOPE_PROMETHEUS_REQUEST_TIMEOUT)");
    // only the panels already in flight (one per panel thread) were sent; any queued ones failed
    // at once
    assertThat(prometheus.requests()).hasSizeBetween(1, Engine.PANEL_THREADS);
  }

  @Test
  void aSilentPrometheusLeavesTheFlowWithOneNamedWarning(TestSandbox sandbox) throws Exception {
    try (FakeBackend prometheus = FakeBackend.silent()) {
      flowWithHungPrometheus(sandbox, prometheus);
    }
  }

  @Test
  void aTricklingPrometheusLeavesTheFlowWithOneNamedWarning(TestSandbox sandbox) throws Exception {
    try (FakeBackend prometheus = FakeBackend.trickling()) {
      flowWithHungPrometheus(sandbox, prometheus);
    }
  }
}
