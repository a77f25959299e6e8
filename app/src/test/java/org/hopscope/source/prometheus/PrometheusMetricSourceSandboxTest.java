package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.promql.PromQlTemplate;
import org.hopscope.model.promql.PromQlVariables;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PrometheusMetricSource} against the sandbox's real Prometheus and recorded incident. */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusMetricSourceSandboxTest {

  private static final Duration STEP = Duration.ofSeconds(60);
  private static final List<String> PARTITIONS = List.of("0", "1", "2", "3", "4", "5");

  private String url;
  private PrometheusMetricSource prometheus;
  private OrdersPanels panels;
  private Instant from;
  private Instant now;
  private Instant incidentStart;

  @BeforeAll
  void connect(TestSandbox sandbox) throws Exception {
    url = sandbox.state().prometheusUrl();
    prometheus = new PrometheusMetricSource(PrometheusSettings.of(url));
    panels = OrdersPanels.read();
    Manifest manifest = Manifest.read(sandbox.manifest());
    from = Instant.parse(manifest.from());
    now = Instant.parse(manifest.now());
    incidentStart = Instant.parse(manifest.incidentStart());
  }

  @AfterAll
  void close() {
    prometheus.close();
  }

  private String render(OrdersPanels.Panel panel) {
    return PromQlTemplate.parse(panel.title(), panel.promql())
        .render(
            new PromQlVariables(
                panel.hop(),
                panel.hop(),
                Duration.between(from, now),
                PromQlVariables.rateFor(STEP)));
  }

  @Test
  void consumerLagPanelHasOneSeriesPerPartition() {
    String promql = render(panels.panel("orders.v1", "Consumer lag"));
    assertThat(promql)
        .isEqualTo("sum by (partition) (kafka_consumergroup_lag{topic=\"orders.v1\"})");

    List<MetricSeries> instant = prometheus.query(promql, now, Cancellation.none());
    assertThat(instant)
        .extracting(s -> s.labels().keySet())
        .allMatch(k -> k.equals(java.util.Set.of("partition")));
    assertThat(instant)
        .extracting(s -> s.labels().get("partition"))
        .containsExactlyInAnyOrderElementsOf(PARTITIONS);
    assertThat(instant).allSatisfy(s -> assertThat(s.points()).hasSize(1));
    assertThat(instant.get(0).points().get(0).time()).isEqualTo(now);

    List<MetricSeries> range = prometheus.queryRange(promql, from, now, STEP, Cancellation.none());
    assertThat(range)
        .extracting(s -> s.labels().get("partition"))
        .containsExactlyInAnyOrderElementsOf(PARTITIONS);
    long steps = Duration.between(from, now).dividedBy(STEP) + 1;
    assertThat(range)
        .allSatisfy(s -> assertThat(s.points()).hasSizeBetween((int) steps - 3, (int) steps));
  }

  @Test
  void everyOrdersPanelAnswersOverTheRecordedWindow() {
    for (OrdersPanels.Panel panel : panels.panels()) {
      List<MetricSeries> series =
          prometheus.queryRange(render(panel), from, now, STEP, Cancellation.none());
      assertThat(series).as(panel.hop() + " / " + panel.title()).isNotEmpty();
      assertThat(series.get(0).points()).as(panel.title()).isNotEmpty();
    }
    List<MetricSeries> byStatus =
        prometheus.queryRange(
            render(panels.panel("api-gateway", "Requests by status")),
            from,
            now,
            STEP,
            Cancellation.none());
    assertThat(byStatus)
        .extracting(s -> s.labels().get("status"))
        .containsExactlyInAnyOrder("202", "401");
  }

  @Test
  void erpErrorRatioRisesInTheIncident() {
    String promql = render(panels.panel("erp-adapter", "Error ratio"));
    assertThat(promql)
        .isEqualTo(
            "sum(rate(http_requests_total{service=\"erp-adapter\",status=~\"5..\"}[5m]))"
                + " / sum(rate(http_requests_total{service=\"erp-adapter\"}[5m]))");
    List<MetricSeries> ratio = prometheus.queryRange(promql, from, now, STEP, Cancellation.none());
    assertThat(ratio).hasSize(1);
    assertThat(ratio.get(0).labels()).isEmpty();
    double before = mean(ratio.get(0), from.plusSeconds(600), incidentStart.minusSeconds(300));
    double late = mean(ratio.get(0), now.minusSeconds(900), now);
    assertThat(before).as("ERP error ratio before the incident").isLessThan(0.05);
    assertThat(late).as("ERP error ratio late in the incident").isGreaterThan(0.2);
  }

  @Test
  void thirtyDayRangeRaisesTheStepAndSaysSo() {
    MetricSource.RangeResult result =
        prometheus.queryRangeWithNotes(
            "sum(kafka_consumergroup_lag)",
            now.minus(Duration.ofDays(30)),
            now,
            Duration.ofSeconds(15),
            Cancellation.none());
    assertThat(result.step()).isEqualTo(Duration.ofSeconds(236));
    assertThat(result.notes())
        .containsExactly(
            "step raised from 15s to 236s so that the 30d range stays within 11000 points per series");
    assertThat(result.series()).hasSize(1);
    assertThat(result.series().get(0).points()).hasSizeBetween(2, 11_001);
  }

  @Test
  void badQueryReturnsPrometheusErrorVerbatim() throws Exception {
    String bad = "sum(rate(http_requests_total[5m])";
    JsonNode raw = rawQuery(bad);
    assertThat(raw.path("status").asText()).isEqualTo("error");
    assertThatThrownBy(() -> prometheus.query(bad, now, Cancellation.none()))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(SourceException.Kind.REJECTED);
              assertThat(e.source()).isEqualTo("Prometheus");
            })
        .hasMessage(
            "Prometheus "
                + url
                + " rejected the query (bad_data): "
                + raw.path("error").asText()
                + "\nquery sent: "
                + bad);
    assertThat(raw.path("error").asText()).contains("parse error");
  }

  @Test
  void seriesListsTheSixPartitions() {
    List<Map<String, String>> series =
        prometheus.series(List.of("kafka_consumergroup_lag"), from, now, Cancellation.none());
    assertThat(series)
        .extracting(s -> s.get("partition"))
        .containsExactlyInAnyOrderElementsOf(PARTITIONS);
    assertThat(series)
        .allSatisfy(
            s ->
                assertThat(s)
                    .containsEntry("__name__", "kafka_consumergroup_lag")
                    .containsEntry("topic", "orders.v1")
                    .containsEntry("group", "fulfilment-service"));
  }

  @Test
  void exemplarsEndpointAnswers() {
    List<MetricSource.Exemplars> exemplars =
        prometheus.exemplars("http_requests_total", from, now, Cancellation.none());
    // the sandbox Prometheus runs without exemplar storage: it accepts the call and has none
    assertThat(exemplars).isEmpty();
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void unreachablePortFailsWithinTheTimeout() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String dead = "http://127.0.0.1:" + port;
    PrometheusMetricSource source =
        new PrometheusMetricSource(
            PrometheusSettings.of(dead).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)));
    long start = System.nanoTime();
    assertThatThrownBy(() -> source.query("up", now, Cancellation.none()))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
        .hasMessage(
            "Prometheus "
                + dead
                + " unreachable: connection refused; is Prometheus running there and the URL's port right?");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void cancelledTokenStopsTheQuery() {
    Cancellation cancel = new Cancellation();
    cancel.cancel();
    assertThatThrownBy(
            () -> prometheus.queryRange("sum(kafka_consumergroup_lag)", from, now, STEP, cancel))
        .isInstanceOf(Cancellation.CancelledException.class);
  }

  private static double mean(MetricSeries series, Instant a, Instant b) {
    return series.points().stream()
        .filter(p -> !p.time().isBefore(a) && p.time().isBefore(b) && !Double.isNaN(p.value()))
        .mapToDouble(MetricSeries.Point::value)
        .average()
        .orElseThrow(() -> new AssertionError("no points between " + a + " and " + b));
  }

  private JsonNode rawQuery(String promql) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            url
                                + "/api/v1/query?time="
                                + now.getEpochSecond()
                                + "&query="
                                + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(r.body());
  }
}
