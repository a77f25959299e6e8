package org.hopscope.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.config.PathDefinitions;
import org.hopscope.faults.Fault;
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

  @Fault(Fault.Area.HOSTILE_DATA)
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
    assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
    assertThat(r.value()).isNull();
    assertThat(r.detail()).isEqualTo("no series for " + r.query());
  }

  private CheckResult evaluate(Check check, Map<String, String> variables, Instant asOf) {
    return evaluate(check, variables, orders, asOf);
  }

  private CheckResult evaluate(
      Check check, Map<String, String> variables, PathDef path, Instant asOf) {
    return evaluator
        .evaluateDetailed("s", check, variables, path, asOf, Cancellation.none())
        .result();
  }

  private static Check declared(Check c, Check.WhenNoData noData) {
    return new Check(
        c.kind(),
        c.query(),
        c.comparison(),
        c.threshold(),
        c.severity(),
        c.expected(),
        c.meaning(),
        noData,
        c.line());
  }

  @Test
  void aQuerySelectingNoSeriesIsNoDataUnlessTheCheckDeclaresWhatItMeans() {
    Check nothing = promql("sum(rate(http_requests_total{service=\"${hop}\"}[${window}]))");
    Map<String, String> vars = Map.of("hop", "no-such-service", "window", "30m");
    String query = "sum(rate(http_requests_total{service=\"no-such-service\"}[30m]))";
    CheckResult r = evaluate(nothing, vars, now);
    assertThat(List.of(r.outcome(), r.detail(), r.query(), r.asOf()))
        .containsExactly(Outcome.NO_DATA, "no series for " + query, query, now);
    assertThat(r.value()).isNull();
    assertThat(r.noData()).isTrue();

    CheckResult pass = evaluate(declared(nothing, Check.WhenNoData.PASS), vars, now);
    assertThat(List.of(pass.outcome(), pass.detail()))
        .containsExactly(Outcome.PASS, "no series for " + query + "; noData: pass");
    assertThat(pass.value()).isNull();
    CheckResult fail = evaluate(declared(nothing, Check.WhenNoData.FAIL), vars, now);
    assertThat(List.of(fail.outcome(), fail.detail()))
        .containsExactly(Outcome.FAIL, "no series for " + query + "; noData: fail");

    // 0/0 is nothing to divide, not a number to judge
    CheckResult nan = evaluate(promql("sum(up{job=\"nobody\"}) / 0 or vector(0) / 0"), vars, now);
    assertThat(List.of(nan.outcome(), nan.detail()))
        .containsExactly(
            Outcome.NO_DATA,
            "the value of sum(up{job=\"nobody\"}) / 0 or vector(0) / 0 is NaN (0/0: nothing to"
                + " divide)");
  }

  @Test
  void promqlIsEvaluatedAsOfTheWindowsEndAndACountCoversExactlyTheWindow() {
    Instant end = Instant.parse(manifest.incidentStart()).plusSeconds(1800);
    CheckResult time = evaluate(promql("time()"), Map.of("window", "30m"), end);
    assertThat(time.value()).isEqualTo((double) end.getEpochSecond());
    assertThat(time.asOf()).isEqualTo(end);

    // the link's window [incidentStart, incidentStart + 50m) as the window variable, as of its end
    Instant from = Instant.parse(manifest.incidentStart());
    org.hopscope.model.playbook.CheckWindow link =
        org.hopscope.model.playbook.CheckWindow.of(
            new org.hopscope.model.TimeWindow(from, from.plusSeconds(3000)),
            org.hopscope.model.playbook.ValueOrigin.LINK);
    assertThat(link.windowVariable()).isEqualTo("50m");
    CheckResult count =
        evaluate(
            es("hop: fulfilment-service, count: events"),
            Map.of("window", link.windowVariable()),
            link.asOf(now));
    assertThat(count.query())
        .isEqualTo(
            "count events at fulfilment-service in logs-fulfilment-* ["
                + from
                + ", "
                + from.plusSeconds(3000)
                + ")");
    assertThat(count.asOf()).isEqualTo(from.plusSeconds(3000));
    assertThat(count.outcome()).isNotIn(Outcome.NO_DATA, Outcome.ERROR);
  }

  @Test
  void aCountOverAnIndexPatternThatMatchesNothingIsNoDataNamingIt() throws Exception {
    Path yaml = Path.of(System.getProperty("hopscope.home"), "queries", "orders.yaml");
    PathDef typo =
        new PathDefinitions()
            .parse(
                java.nio.file.Files.readString(yaml)
                    .replace("index: logs-order-service-*", "index: logs-order-svc-*"),
                "orders.yaml");
    CheckResult r =
        evaluate(es("hop: order-service, count: events"), Map.of("window", "4h"), typo, now);
    assertThat(List.of(r.outcome(), r.detail()))
        .containsExactly(Outcome.NO_DATA, "index pattern logs-order-svc-* matches no index");
    assertThat(r.value()).isNull();
    // distinct messages across both sources: one count over both patterns, the missing one named
    CheckResult messages =
        evaluate(es("hop: order-service, count: messages"), Map.of("window", "4h"), typo, now);
    assertThat(List.of(messages.outcome(), messages.detail()))
        .containsExactly(Outcome.NO_DATA, "index pattern logs-order-svc-* matches no index");
    CheckResult declaredFail =
        evaluate(
            declared(es("hop: order-service, count: failures"), Check.WhenNoData.FAIL),
            Map.of("window", "4h"),
            typo,
            now);
    assertThat(List.of(declaredFail.outcome(), declaredFail.detail()))
        .containsExactly(
            Outcome.FAIL, "index pattern logs-order-svc-* matches no index; noData: fail");
  }

  @Test
  void aCountOverAWindowWithoutAnyEventAtTheHopIsNoDataNotZero() {
    Instant before = Instant.parse(manifest.incidentStart()).minus(Duration.ofDays(30));
    CheckResult r =
        evaluate(es("hop: api-gateway, count: failures"), Map.of("window", "1h"), before);
    assertThat(List.of(r.outcome(), r.detail()))
        .containsExactly(
            Outcome.NO_DATA,
            "no event at all at api-gateway in gateway-access-* over ["
                + before.minus(Duration.ofHours(1))
                + ", "
                + before
                + "): nothing to count");
    // a hop with events in the window counts 0 as a number
    assertThat(value("hop: api-gateway, count: failures", "1m")).isEqualTo(0);
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
