package org.hopscope.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.OrdersHop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorded history end to end: journeys -> OpenMetrics -> promtool blocks -> a real Prometheus
 * (port 19450) -> PromQL answers that tell the incident's story.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusHistoryTest {

  private static final int PORT = 19450;
  private static final long MINUTE = 60_000;

  @TempDir static Path tmp;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private SyntheticIncident incident;
  private Process prometheus;

  @BeforeAll
  void recordAndStartPrometheus() throws Exception {
    long now = System.currentTimeMillis() / 1000 * 1000;
    incident = new SyntheticIncident(now);
    IncidentMetrics metrics =
        new IncidentMetrics(incident.from, incident.now, Duration.ofSeconds(15));
    incident.journeys.forEach(metrics);
    Path history = tmp.resolve("history.om.txt");
    metrics.writeOpenMetrics(history);
    Path data = PrometheusBackfill.createBlocks(history, tmp.resolve("data"));

    Path config = tmp.resolve("prometheus.yml");
    Files.writeString(config, "global:\n  scrape_interval: 15s\n");
    prometheus =
        new ProcessBuilder(
                "prometheus",
                "--config.file=" + config,
                "--storage.tsdb.path=" + data,
                "--web.listen-address=127.0.0.1:" + PORT)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("prometheus.log").toFile())
            .start();
    awaitReady();
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!prometheus.isAlive()) {
        fail("prometheus exited: " + Files.readString(tmp.resolve("prometheus.log")));
      }
      try {
        HttpResponse<String> r =
            http.send(request("/-/ready"), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // connection refused until the web server is up: poll again
      }
      prometheus.waitFor(200, TimeUnit.MILLISECONDS);
    }
    fail("prometheus not ready after 60 s: " + Files.readString(tmp.resolve("prometheus.log")));
  }

  @AfterAll
  void stopPrometheus() throws InterruptedException {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor();
      }
    }
  }

  @Test
  void lagIsExactlyTheJourneysLagAtEveryStepFlatBeforeAndGrowingInTheIncident() throws Exception {
    List<double[]> points = range("sum(kafka_consumergroup_lag)", incident.from, incident.now);
    assertThat(points).hasSize(181);
    for (double[] p : points) {
      assertThat(p[1]).as("lag at %s", (long) p[0]).isEqualTo(incident.lagAt((long) p[0]));
    }
    double before = mean(points, incident.from, incident.incidentStart - 5 * MINUTE);
    double lastTenMinutes = mean(points, incident.now - 10 * MINUTE, incident.now);
    assertThat(before).isZero();
    // the journeys lag ~250 messages on average over the last 10 minutes, none before
    assertThat(lastTenMinutes).isGreaterThan(200);
    assertThat(points.get(180)[1]).isGreaterThan(points.get(170)[1]);
  }

  @Test
  void erpErrorRatioIsZeroBeforeAndHighInTheIncident() throws Exception {
    String ratio =
        "sum(rate(http_requests_total{service=\"erp-adapter\",status=~\"5..\"}[5m]))"
            + " / sum(rate(http_requests_total{service=\"erp-adapter\"}[5m]))";
    List<double[]> points = range(ratio, incident.from + 5 * MINUTE, incident.now);
    double before = mean(points, incident.from, incident.incidentStart);
    long lastStretch = incident.now - 20 * MINUTE;
    double expected = incident.erpErrorRatio(lastStretch - 5 * MINUTE, incident.now);
    assertThat(incident.erpErrorRatio(incident.from, incident.incidentStart)).isZero();
    // half the incident's messages time out once, 2% three times: about 37% of ERP calls fail
    assertThat(expected).isBetween(0.3, 0.45);
    assertThat(before).isZero();
    assertThat(mean(points, lastStretch, incident.now)).isBetween(expected - 0.03, expected + 0.03);
  }

  @Test
  void countersAtTheEndEqualTheJourneyCounts() throws Exception {
    long gateway401 =
        incident.attempts(OrdersHop.API_GATEWAY).stream()
            .filter(a -> a.outcome() == Outcome.FAILURE)
            .count();
    long parked =
        incident.attempts(OrdersHop.FULFILMENT).stream()
            .filter(a -> a.outcome() == Outcome.PENDING)
            .count();
    long dlq = incident.endedBy(OrdersHop.FULFILMENT, Outcome.DEAD_LETTERED);
    assertThat(gateway401).isBetween(5L, 15L);
    assertThat(dlq).isPositive();

    assertThat(instant("sum(http_requests_total{service=\"api-gateway\"})")).isEqualTo(3000);
    assertThat(instant("sum(http_requests_total{service=\"api-gateway\",status=\"401\"})"))
        .isEqualTo(gateway401);
    assertThat(instant("sum(kafka_topic_messages_in_total)")).isEqualTo(3000 - gateway401);
    assertThat(instant("sum(dlq_messages_total{topic=\"orders.v1.DLQ\"})")).isEqualTo(dlq);
    assertThat(instant("sum(messages_processed_total{outcome=\"dead_lettered\"})")).isEqualTo(dlq);
    assertThat(instant("sum(messages_processed_total{outcome=\"parked\"})")).isEqualTo(parked);
    assertThat(instant("sum(erp_pool_pending_requests)")).isEqualTo(parked);
    assertThat(instant("sum(erp_calls_total{outcome=\"timeout\"})"))
        .isEqualTo(instant("sum(http_requests_total{service=\"erp-adapter\",status=\"504\"})"));
    assertThat(instant("sum(erp_call_duration_seconds_count)"))
        .isEqualTo(
            incident.endedBy(OrdersHop.ERP_ADAPTER, Outcome.SUCCESS)
                + incident.endedBy(OrdersHop.ERP_ADAPTER, Outcome.RETRYABLE_FAILURE));
    assertThat(instant("count(http_requests_total{job=\"orders-sandbox\",instance=\"sandbox\"})"))
        .isEqualTo(6);
  }

  private double instant(String promql) throws Exception {
    JsonNode result =
        query("/api/v1/query?query=" + encode(promql) + "&time=" + seconds(incident.now));
    assertThat(result).as("result of %s", promql).hasSize(1);
    return Double.parseDouble(result.get(0).get("value").get(1).asText());
  }

  private List<double[]> range(String promql, long fromMillis, long toMillis) throws Exception {
    JsonNode result =
        query(
            "/api/v1/query_range?query="
                + encode(promql)
                + "&start="
                + seconds(fromMillis)
                + "&end="
                + seconds(toMillis)
                + "&step=60");
    assertThat(result).as("result of %s", promql).hasSize(1);
    List<double[]> points = new ArrayList<>();
    for (JsonNode v : result.get(0).get("values")) {
      points.add(new double[] {v.get(0).asDouble() * 1000, Double.parseDouble(v.get(1).asText())});
    }
    return points;
  }

  private JsonNode query(String pathAndQuery) throws Exception {
    HttpResponse<String> response =
        http.send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json.readTree(response.body()).get("data").get("result");
  }

  private static double mean(List<double[]> points, long fromMillis, long toMillis) {
    return points.stream()
        .filter(p -> p[0] >= fromMillis && p[0] <= toMillis)
        .mapToDouble(p -> p[1])
        .average()
        .orElseThrow();
  }

  private static HttpRequest request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .build();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String seconds(long millis) {
    return OpenMetricsWriter.seconds(millis);
  }
}
