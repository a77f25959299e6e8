package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckResult.Outcome;
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

/** {@link CheckEvaluator} on the real sandbox: exact counts, user text as data, backend errors. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckEvaluatorSandboxTest {

  private EventSource events;
  private PrometheusMetricSource metrics;
  private CheckEvaluator evaluator;
  private PathDef orders;
  private Manifest manifest;
  private Instant now;

  @BeforeAll
  void connect(TestSandbox sandbox) {
    events = events(sandbox.state().elasticsearchUrl());
    metrics = new PrometheusMetricSource(PrometheusSettings.of(sandbox.state().prometheusUrl()));
    evaluator = new CheckEvaluator(metrics, events);
    orders =
        new PathDefinitions()
            .read(Path.of(System.getProperty("hopscope.home"), "queries", "orders.yaml"));
    manifest = Manifest.read(sandbox.manifest());
    now = Instant.parse(manifest.now());
  }

  private static EventSource events(String url) {
    return new ElasticEventSource(ElasticConnection.open(ElasticSettings.of(url)));
  }

  @AfterAll
  void close() {
    events.close();
    metrics.close();
  }

  private static Check es(String query) {
    return new Check(
        Check.Kind.ES_COUNT, query, Check.Comparison.EQ, 0, Check.Severity.INFO, "", "", 1);
  }

  private static Check promql(String query) {
    return new Check(
        Check.Kind.PROMQL, query, Check.Comparison.LT, 1, Check.Severity.INFO, "", "", 1);
  }

  private CheckResult count(String query, String window) {
    return evaluator
        .evaluateDetailed(
            "s", es(query), Map.of("window", window), orders, now, Cancellation.none())
        .result();
  }

  private double value(String query, String window) {
    CheckResult r = count(query, window);
    assertThat(r.outcome()).as("%s", r).isNotEqualTo(Outcome.ERROR);
    return r.value();
  }

  /** The incident window [incidentStart, now) as a window variable. */
  private String incidentWindow() {
    Duration d = Duration.between(Instant.parse(manifest.incidentStart()), now);
    return d.toSeconds() + "s";
  }

  @Test
  void deadLettersInTheIncidentWindowEqualTheManifest() {
    long expected = manifest.incidentWindow().hops().get("fulfilment-service").deadLettered();
    assertThat(expected).isPositive();
    assertThat(value("hop: fulfilment-service, count: dead_letters", incidentWindow()))
        .isEqualTo(expected);
    assertThat(value("{hop: \"fulfilment-service\", count: dead_letters}", "4h"))
        .isEqualTo(manifest.classes().get("DEAD_LETTERED").count());
  }

  @Test
  void eventsOverTheWholeRecordingEqualTheManifestsDocuments() {
    for (String hop :
        List.of("api-gateway", "order-service", "fulfilment-service", "erp-adapter")) {
      assertThat(value("hop: " + hop + ", count: events", "4h"))
          .as(hop)
          .isEqualTo(manifest.hops().get(hop).documents());
    }
  }

  @Test
  void failuresAtTheGatewayAreTheRejectedMessages() {
    long rejected =
        manifest.classes().get("FAILED").messages().stream()
            .filter(m -> "api-gateway".equals(m.hop()))
            .count();
    assertThat(value("hop: api-gateway, count: failures", "4h")).isEqualTo(rejected);
    assertThat(value("hop: api-gateway, count: failures", "1m")).isEqualTo(0);
  }

  @Test
  void distinctMessagesAcrossSourcesAndKeyedFields() {
    long all = manifest.options().messages();
    assertThat(value("hop: api-gateway, count: messages", "4h")).isEqualTo(all);
    long rejected =
        manifest.classes().get("FAILED").messages().stream()
            .filter(m -> "api-gateway".equals(m.hop()))
            .count();
    assertThat(value("hop: order-service, count: messages", "4h")).isEqualTo(all - rejected);
    // keyed field (nested tags): every re-keyed message had a successful call there; messages
    // rejected at the gateway never got there
    assertThat(value("hop: erp-adapter, count: messages", "4h"))
        .isBetween((double) manifest.reKeys().count(), (double) (all - rejected));
  }

  @Test
  void matchTextIsDataNotQuerySyntax() {
    double rotated = value("hop: api-gateway, count: events, match: signing key rotated", "4h");
    assertThat(rotated).isPositive();
    assertThat(value("hop: api-gateway, count: events, match: \"POST /orders 401\"", "4h"))
        .isEqualTo(rotated);
    for (String hostile :
        List.of(
            "*",
            "message:*",
            "signing OR key",
            "rotated\" OR \"orders",
            "{\"match_all\":{}}",
            "ord-\"quoted\"-7",
            "ord\\back\\slash",
            ",count: events")) {
      assertThat(value("hop: api-gateway, count: events, match: " + hostile, "4h"))
          .as(hostile)
          .isEqualTo(0);
    }
  }

  @Test
  void hostileHopValuesStayInsideTheirLabelString() {
    CheckResult r =
        evaluator
            .evaluateDetailed(
                "s",
                promql("sum(http_requests_total{service=\"${hop}\"})"),
                Map.of("hop", "x\"} or vector(1) or {a=\"", "window", "30m"),
                orders,
                now,
                Cancellation.none())
            .result();
    assertThat(r.query())
        .isEqualTo("sum(http_requests_total{service=\"x\\\"} or vector(1) or {a=\\\"\"})");
    assertThat(r.outcome()).isEqualTo(Outcome.PASS);
    assertThat(r.value()).isEqualTo(0.0);
    assertThat(r.detail()).isEqualTo("no series: taken as 0");
  }

  @Test
  void aWindowThatIsNoDurationIsRefusedNotSpliced() {
    CheckResult r =
        evaluator
            .evaluateDetailed(
                "s",
                promql("sum(increase(dlq_messages_total[${window}]))"),
                Map.of("hop", "fulfilment-service", "window", "5m]) or vector(1"),
                orders,
                now,
                Cancellation.none())
            .result();
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(r.value()).isNull();
    assertThat(r.detail())
        .isEqualTo(
            "PromQL of panel 'check of step s (line 1)', column 33: $window stands outside a quoted string, so its value must be a"
                + " PromQL duration such as 5m, but it is '5m]) or vector(1'");
  }

  @Test
  void severalSeriesAreAnError() {
    CheckResult r =
        evaluator
            .evaluateDetailed(
                "s",
                promql("kafka_consumergroup_lag{group=\"${hop}\"}"),
                Map.of("hop", "fulfilment-service", "window", "30m"),
                orders,
                now,
                Cancellation.none())
            .result();
    assertThat(r.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(r.detail()).isEqualTo("the query returned 6 series; aggregate it (e.g. sum(...))");
  }

  @Test
  void backendsDownAreErrorsNamingThem() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    try (EventSource deadEs = events(url);
        PrometheusMetricSource deadProm = new PrometheusMetricSource(PrometheusSettings.of(url))) {
      CheckEvaluator down = new CheckEvaluator(deadProm, deadEs);
      CheckEvaluation e =
          down.evaluateDetailed(
              "s",
              es("hop: api-gateway, count: events"),
              Map.of("window", "30m"),
              orders,
              now,
              Cancellation.none());
      assertThat(e.failure()).isEqualTo(CheckEvaluation.Failure.BACKEND);
      assertThat(e.result().outcome()).isEqualTo(Outcome.ERROR);
      assertThat(e.result().detail()).contains("Elasticsearch").contains(url);
      CheckEvaluation p =
          down.evaluateDetailed(
              "s", promql("sum(up)"), Map.of("window", "30m"), orders, now, Cancellation.none());
      assertThat(p.failure()).isEqualTo(CheckEvaluation.Failure.BACKEND);
      assertThat(p.result().detail()).contains("Prometheus").contains(url);
    }
  }
}
