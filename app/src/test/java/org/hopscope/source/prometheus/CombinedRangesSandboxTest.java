package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.promql.PromQlTemplate;
import org.hopscope.model.promql.PromQlVariables;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Panels asked together in one request ({@link PrometheusMetricSource#queryRanges}) give exactly
 * the series each gives alone, against the sandbox's real Prometheus (ADR 0046).
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CombinedRangesSandboxTest {

  private static final Duration STEP = Duration.ofSeconds(15);

  private PrometheusMetricSource prometheus;
  private OrdersPanels panels;
  private Instant from;
  private Instant to;

  @BeforeAll
  void connect(TestSandbox sandbox) throws Exception {
    prometheus = new PrometheusMetricSource(PrometheusSettings.of(sandbox.state().prometheusUrl()));
    panels = OrdersPanels.read();
    Instant incident = Instant.parse(Manifest.read(sandbox.manifest()).incidentStart());
    from = incident.minus(Duration.ofMinutes(5));
    to = incident.plus(Duration.ofMinutes(5)).plusMillis(250);
  }

  @AfterAll
  void close() {
    prometheus.close();
  }

  private List<String> ordersPanels() {
    List<String> out = new ArrayList<>();
    for (OrdersPanels.Panel p : panels.panels()) {
      out.add(
          PromQlTemplate.parse(p.title(), p.promql())
              .render(
                  new PromQlVariables(
                      p.hop(),
                      p.hop(),
                      Duration.between(from, to),
                      PromQlVariables.rateFor(STEP))));
    }
    return out;
  }

  private List<List<MetricSeries>> alone(List<String> promqls) {
    return promqls.stream()
        .map(q -> prometheus.queryRange(q, from, to, STEP, Cancellation.none()))
        .toList();
  }

  @Test
  void everyOrdersPanelTogetherGivesTheSeriesItGivesAlone() {
    List<String> promqls = ordersPanels();
    assertThat(promqls).hasSize(11);
    List<List<MetricSeries>> together =
        prometheus.queryRanges(promqls, from, to, STEP, Cancellation.none());
    List<List<MetricSeries>> alone = alone(promqls);
    assertThat(together).isEqualTo(alone);
    assertThat(alone.get(0)).hasSize(2); // requests by status: 202 and 401
    assertThat(alone.get(3)).hasSize(6); // consumer lag by partition
    assertThat(alone)
        .allSatisfy(series -> assertThat(series).isNotEmpty())
        .allSatisfy(series -> assertThat(series.get(0).points()).hasSize(41));
    assertThat(together.get(0).get(0).labels()).containsOnlyKeys("status");
  }

  @Test
  void aQueryMatchingNothingStaysEmptyAndACommentEndsAtItsLine() {
    List<String> promqls =
        List.of(
            "sum(rate(http_requests_total{service=\"no-such-service\"}[1m]))",
            "sum by (partition) (kafka_consumergroup_lag{topic=\"orders.v1\"}) # lag or not",
            "kafka_consumergroup_lag{topic=\"orders.v1\",partition=\"2\"}");
    List<List<MetricSeries>> together =
        prometheus.queryRanges(promqls, from, to, STEP, Cancellation.none());
    assertThat(together).isEqualTo(alone(promqls));
    assertThat(together.get(0)).isEmpty();
    assertThat(together.get(1)).hasSize(6);
    assertThat(together.get(2)).hasSize(1);
    assertThat(together.get(2).get(0).labels())
        .containsEntry("__name__", "kafka_consumergroup_lag")
        .doesNotContainKey(CombinedRanges.TAG);
  }

  @Test
  void aScalarQueryFailsTheCombinedRequestAndNamesIt() {
    List<String> promqls =
        List.of("scalar(sum(kafka_consumergroup_lag{topic=\"orders.v1\"}))", "vector(1)");
    assertThat(alone(promqls)).allSatisfy(series -> assertThat(series).hasSize(1));
    assertThatThrownBy(() -> prometheus.queryRanges(promqls, from, to, STEP, Cancellation.none()))
        .isInstanceOf(SourceException.class)
        .hasMessageContaining("rejected the query")
        .hasMessageContaining("query sent: label_replace(\nscalar(sum(");
  }
}
