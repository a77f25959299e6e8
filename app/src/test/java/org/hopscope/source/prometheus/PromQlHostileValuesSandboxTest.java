package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.faults.Fault;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.promql.PromQl;
import org.hopscope.model.promql.PromQlTemplate;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.source.Cancellation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Label values that try to break out of their string literal, sent to the sandbox's real
 * Prometheus: the query selects only series with exactly that value (none exist: an empty result),
 * never an error and never a wider match.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromQlHostileValuesSandboxTest {

  private static final String LAG = "sum by (partition) (kafka_consumergroup_lag{topic=\"$hop\"})";

  private PrometheusMetricSource prometheus;
  private Instant now;

  @BeforeAll
  void connect(TestSandbox sandbox) {
    prometheus = new PrometheusMetricSource(PrometheusSettings.of(sandbox.state().prometheusUrl()));
    now = sandbox.seed().now();
  }

  private List<MetricSeries> lag(String template, String hop) {
    String promql =
        PromQlTemplate.parse("Consumer lag", template)
            .render(Map.of("hop", hop, "service", hop, "window", "3h", "rate", "5m"));
    return prometheus.query(promql, now, Cancellation.none());
  }

  @Test
  void theRealTopicSelectsItsSixPartitions() {
    assertThat(lag(LAG, "orders.v1")).hasSize(6);
    assertThat(lag("sum by (partition) (kafka_consumergroup_lag{topic='$hop'})", "orders.v1"))
        .hasSize(6);
    assertThat(lag("sum by (partition) (kafka_consumergroup_lag{topic=~\"$hop\"})", "orders.v1"))
        .hasSize(6);
  }

  @Test
  void pastingTheValueRawWouldWidenTheQuery() {
    String template = "kafka_consumergroup_lag{topic=\"$hop\"}";
    String hostile = "a\"} or vector(1) #";
    String pasted = template.replace("$hop", hostile);
    assertThat(prometheus.query(pasted, now, Cancellation.none()))
        .as("the attack works when the value is pasted unescaped: " + pasted)
        .hasSize(1);
    assertThat(lag(template, hostile)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\"} or vector(1) #",
        "x\\\"",
        "orders.v1\"",
        "orders.v1\\",
        "orders.v1\n",
        "orders.v1\"} or kafka_consumergroup_lag{topic=\"orders.v1",
        "orders.v1' or vector(1) #",
        "` or vector(1) #",
        ".*",
        "orders.v.",
        "注文-✓-😀",
        "\r\t\u0000"
      })
  @Fault(Fault.Area.HOSTILE_DATA)
  void hostileValueMatchesExactlyOrNothing(String hostile) {
    assertThat(lag(LAG, hostile)).as("double-quoted").isEmpty();
    assertThat(lag("sum by (partition) (kafka_consumergroup_lag{topic='$hop'})", hostile))
        .as("single-quoted")
        .isEmpty();
    assertThat(lag("sum by (partition) (kafka_consumergroup_lag{topic=~\"$hop\"})", hostile))
        .as("regex matcher")
        .isEmpty();
    String selector = "kafka_consumergroup_lag{" + "topic=" + PromQl.quote(hostile) + "}";
    assertThat(prometheus.query(selector, now, Cancellation.none())).as("labelMatcher").isEmpty();
    assertThat(
            prometheus.series(
                List.of(selector), now.minus(Duration.ofHours(3)), now, Cancellation.none()))
        .as("series")
        .isEmpty();
  }
}
