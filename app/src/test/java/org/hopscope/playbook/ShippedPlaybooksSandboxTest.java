package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckResult.Outcome;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.elastic.ElasticConnection;
import org.hopscope.source.elastic.ElasticEventSource;
import org.hopscope.source.elastic.ElasticSettings;
import org.hopscope.source.prometheus.PrometheusMetricSource;
import org.hopscope.source.prometheus.PrometheusSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every check of the four shipped playbooks, read from {@code playbooks/*.md}, evaluated with the
 * files' default variables against the sandbox incident at the manifest's {@code now}: the outcome
 * of each is pinned, and the values where the manifest says what they must be.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedPlaybooksSandboxTest {

  private EventSource events;
  private PrometheusMetricSource metrics;
  private CheckEvaluator evaluator;
  private PathDef orders;
  private Manifest manifest;
  private Instant now;

  @BeforeAll
  void connect(TestSandbox sandbox) {
    events =
        new ElasticEventSource(
            ElasticConnection.open(ElasticSettings.of(sandbox.state().elasticsearchUrl())));
    metrics = new PrometheusMetricSource(PrometheusSettings.of(sandbox.state().prometheusUrl()));
    evaluator = new CheckEvaluator(metrics, events);
    orders =
        new PathDefinitions()
            .read(Path.of(System.getProperty("hopscope.home"), "queries", "orders.yaml"));
    manifest = Manifest.read(sandbox.manifest());
    now = Instant.parse(manifest.now());
  }

  @AfterAll
  void close() {
    events.close();
    metrics.close();
  }

  /** Each check's result by step ID, with the playbook's defaults. */
  private Map<String, CheckResult> run(String id) {
    Playbook playbook = PlaybookFiles.read(id);
    Map<String, String> variables = PlaybookVariables.bind(playbook, orders, Map.of());
    Map<String, CheckResult> results = new LinkedHashMap<>();
    for (Step step : playbook.steps()) {
      if (step.check() != null) {
        results.put(
            step.id(),
            evaluator
                .evaluateDetailed(
                    step.id(), step.check(), variables, orders, now, Cancellation.none())
                .result());
      }
    }
    return results;
  }

  private static Map<String, Outcome> outcomes(Map<String, CheckResult> results) {
    Map<String, Outcome> out = new LinkedHashMap<>();
    results.forEach((k, v) -> out.put(k, v.outcome()));
    return out;
  }

  private long failedAt(String hop) {
    return manifest.classes().get("FAILED").messages().stream()
        .filter(m -> hop.equals(m.hop()))
        .count();
  }

  @Test
  void consumerLag() {
    Map<String, CheckResult> r = run("consumer-lag");
    assertThat(outcomes(r))
        .as("%s", r)
        .containsExactly(
            Map.entry("lag-growing", Outcome.FAIL),
            Map.entry("consumer-alive", Outcome.PASS),
            Map.entry("retries", Outcome.FAIL),
            Map.entry("timeouts-logged", Outcome.FAIL),
            Map.entry("parked", Outcome.FAIL));
    assertThat(r.get("lag-growing").query())
        .isEqualTo(
            "sum(delta(kafka_consumergroup_lag{group=\"fulfilment-service\",topic=\"orders.v1\"}[30m]))");
  }

  @Test
  void erpTimeouts() {
    Map<String, CheckResult> r = run("erp-timeouts");
    assertThat(outcomes(r))
        .as("%s", r)
        .containsExactly(
            Map.entry("timeouts", Outcome.FAIL),
            Map.entry("latency", Outcome.FAIL),
            Map.entry("still-reached", Outcome.PASS),
            Map.entry("business-faults", Outcome.PASS),
            Map.entry("pool", Outcome.FAIL));
  }

  @Test
  void deadLetters() {
    Map<String, CheckResult> r = run("dead-letters");
    assertThat(outcomes(r))
        .as("%s", r)
        .containsExactly(
            Map.entry("dlq-growth", Outcome.FAIL),
            Map.entry("dlq-logged", Outcome.FAIL),
            Map.entry("poison", Outcome.PASS),
            Map.entry("timeouts", Outcome.FAIL),
            Map.entry("rejections", Outcome.PASS));
    long deadLettered = manifest.classes().get("DEAD_LETTERED").count();
    assertThat(r.get("dlq-growth").value()).isEqualTo((double) deadLettered);
    assertThat(r.get("dlq-logged").value()).isEqualTo((double) deadLettered);
    assertThat(r.get("poison").value()).isEqualTo((double) deadLettered);
  }

  @Test
  void gatewayAuth() {
    Map<String, CheckResult> r = run("gateway-auth");
    assertThat(outcomes(r))
        .as("%s", r)
        .containsExactly(
            Map.entry("gateway-5xx", Outcome.PASS),
            Map.entry("auth-failures", Outcome.FAIL),
            Map.entry("rotation-logged", Outcome.FAIL),
            Map.entry("still-failing", Outcome.PASS),
            Map.entry("rejected-orders", Outcome.FAIL));
    double rejected = failedAt("api-gateway");
    assertThat(rejected).isGreaterThanOrEqualTo(2);
    assertThat(r.get("gateway-5xx").value()).isEqualTo(0.0);
    // no 5xx series, but the gateway reports requests: a measured 0, not NO DATA
    assertThat(r.get("gateway-5xx").detail()).isEmpty();
    assertThat(r.get("auth-failures").value()).isEqualTo(rejected);
    assertThat(r.get("rotation-logged").value()).isEqualTo(rejected);
    assertThat(r.get("rejected-orders").value()).isEqualTo(rejected);
  }
}
