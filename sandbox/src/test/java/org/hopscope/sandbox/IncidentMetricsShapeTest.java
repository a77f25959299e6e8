package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seeded sandbox's Prometheus tells the incident's story: consumer lag and the ERP error ratio
 * are flat before the incident starts and rise inside it.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentMetricsShapeTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private String prometheus;
  private Instant windowFrom;
  private Instant incidentStart;
  private Instant recordedUntil;

  @BeforeAll
  void readManifest(TestSandbox sandbox) throws IOException {
    JsonNode manifest = json.readTree(sandbox.manifest().toFile());
    prometheus = sandbox.state().prometheusUrl();
    windowFrom = Instant.parse(manifest.path("from").asText());
    incidentStart = Instant.parse(manifest.path("incidentStart").asText());
    recordedUntil = Instant.parse(manifest.path("now").asText());
  }

  @Test
  void consumerLagIsFlatBeforeTheIncidentAndGrowsInIt() throws Exception {
    List<double[]> lag = range("sum(kafka_consumergroup_lag{topic=\"orders.v1\"})");
    double before = max(lag, windowFrom.plusSeconds(300), incidentStart.minusSeconds(300));
    double early = mean(lag, incidentStart, incidentStart.plusSeconds(600));
    double late = mean(lag, recordedUntil.minusSeconds(600), recordedUntil);
    assertThat(before).as("lag before the incident").isLessThan(5);
    assertThat(late).as("lag at the end of the recording").isGreaterThan(10 * Math.max(1, before));
    assertThat(late).as("lag keeps growing during the incident").isGreaterThan(early);
  }

  @Test
  void erpErrorRatioIsLowBeforeTheIncidentAndHighInIt() throws Exception {
    List<double[]> ratio =
        range(
            "sum(rate(http_requests_total{service=\"erp-adapter\",status=~\"5..\"}[5m]))"
                + " / sum(rate(http_requests_total{service=\"erp-adapter\"}[5m]))");
    double before = mean(ratio, windowFrom.plusSeconds(600), incidentStart.minusSeconds(300));
    double late = mean(ratio, recordedUntil.minusSeconds(900), recordedUntil);
    assertThat(before).as("ERP error ratio before the incident").isLessThan(0.05);
    assertThat(late).as("ERP error ratio in the incident").isGreaterThan(0.2);
  }

  /** One series of a range query over the recorded window at 60 s resolution: [epochSec, value]. */
  private List<double[]> range(String promql) throws Exception {
    String q =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&start="
            + windowFrom.getEpochSecond()
            + "&end="
            + recordedUntil.getEpochSecond()
            + "&step=60";
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/query_range?" + q)).build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("status").asText()).as(response.body()).isEqualTo("success");
    JsonNode result = body.path("data").path("result");
    assertThat(result).as("series for %s", promql).hasSize(1);
    List<double[]> points = new ArrayList<>();
    for (JsonNode v : result.get(0).path("values")) {
      double value = Double.parseDouble(v.get(1).asText());
      if (!Double.isNaN(value)) {
        points.add(new double[] {v.get(0).asDouble(), value});
      }
    }
    return points;
  }

  private static List<Double> between(List<double[]> points, Instant from, Instant to) {
    List<Double> values = new ArrayList<>();
    for (double[] p : points) {
      if (p[0] >= from.getEpochSecond() && p[0] < to.getEpochSecond()) {
        values.add(p[1]);
      }
    }
    assertThat(values).as("points between %s and %s", from, to).isNotEmpty();
    return values;
  }

  private static double mean(List<double[]> points, Instant from, Instant to) {
    return between(points, from, to).stream()
        .mapToDouble(Double::doubleValue)
        .average()
        .orElseThrow();
  }

  private static double max(List<double[]> points, Instant from, Instant to) {
    return between(points, from, to).stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }
}
