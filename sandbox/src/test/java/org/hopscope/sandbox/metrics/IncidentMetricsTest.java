package org.hopscope.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hopscope.sandbox.metrics.Journeys.attempt;
import static org.hopscope.sandbox.metrics.Journeys.journey;
import static org.hopscope.sandbox.metrics.Journeys.visit;
import static org.hopscope.sandbox.seed.Journey.Outcome.DEAD_LETTERED;
import static org.hopscope.sandbox.seed.Journey.Outcome.FAILURE;
import static org.hopscope.sandbox.seed.Journey.Outcome.PENDING;
import static org.hopscope.sandbox.seed.Journey.Outcome.RETRYABLE_FAILURE;
import static org.hopscope.sandbox.seed.Journey.Outcome.SUCCESS;
import static org.hopscope.sandbox.seed.OrdersHop.API_GATEWAY;
import static org.hopscope.sandbox.seed.OrdersHop.ERP_ADAPTER;
import static org.hopscope.sandbox.seed.OrdersHop.ERP_CONFIRMATION;
import static org.hopscope.sandbox.seed.OrdersHop.FULFILMENT;
import static org.hopscope.sandbox.seed.OrdersHop.ORDERS_TOPIC;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hopscope.sandbox.seed.Journey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentMetricsTest {

  /** 11 samples: T0, T0 + 15 s, ..., T0 + 150 s. */
  private static final long T0 = 1_700_000_000_000L;

  private static final long T_END = T0 + 150_000;

  private final IncidentMetrics metrics = new IncidentMetrics(T0, T_END, Duration.ofSeconds(15));

  private double[] values(String family, String... labelValues) {
    return ((StepFamily) metrics.family(family)).valuesOf(labelValues);
  }

  @Test
  void lagCountsPublishedButNotConsumedMessagesAtEachStep() {
    // published at step 2 (T0+20 s rounds up to T0+30 s), consumed in step 4 (T0+50 s)
    metrics.accept(journey(3, visit(ORDERS_TOPIC, attempt(T0 + 20_000, 30_000, SUCCESS))));
    // published exactly at step 2, consumed exactly at step 3: lagging at step 2 only
    metrics.accept(journey(3, visit(ORDERS_TOPIC, attempt(T0 + 30_000, 15_000, SUCCESS))));
    // published before the window, never consumed: lagging from the first sample on
    metrics.accept(journey(3, visit(ORDERS_TOPIC, attempt(T0 - 5_000, -1, PENDING))));
    // published and consumed before the window: never visible
    metrics.accept(journey(3, visit(ORDERS_TOPIC, attempt(T0 - 9_000, 2_000, SUCCESS))));
    // published after the window: ignored
    metrics.accept(journey(3, visit(ORDERS_TOPIC, attempt(T_END + 1, -1, PENDING))));
    // another partition, consumed after the window ends: lagging until the end
    metrics.accept(journey(0, visit(ORDERS_TOPIC, attempt(T0 + 140_000, 60_000, SUCCESS))));

    assertThat(values("kafka_consumergroup_lag", "fulfilment-service", "orders.v1", "3"))
        .containsExactly(1, 1, 3, 2, 1, 1, 1, 1, 1, 1, 1);
    assertThat(values("kafka_consumergroup_lag", "fulfilment-service", "orders.v1", "0"))
        .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
    assertThat(values("kafka_topic_messages_in", "orders.v1"))
        .containsExactly(2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 5);
  }

  @Test
  void httpRequestsCountAttemptsWhenTheyStartWithTheirStatus() {
    metrics.accept(journey(0, visit(API_GATEWAY, attempt(T0 - 60_000, 20, SUCCESS))));
    metrics.accept(journey(0, visit(API_GATEWAY, attempt(T0 + 15_000, 20, SUCCESS))));
    metrics.accept(journey(0, visit(API_GATEWAY, attempt(T0 + 15_001, 3, FAILURE))));
    metrics.accept(journey(0, visit(API_GATEWAY, attempt(T_END, 3, FAILURE))));
    metrics.accept(journey(0, visit(API_GATEWAY, attempt(T_END + 1, 3, FAILURE))));
    // still pending: no status yet, not counted
    metrics.accept(journey(0, visit(API_GATEWAY, attempt(T0 + 1, -1, PENDING))));

    assertThat(values("http_requests", "api-gateway", "POST", "/orders", "202"))
        .containsExactly(1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
    assertThat(values("http_requests", "api-gateway", "POST", "/orders", "401"))
        .containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 2);
  }

  @Test
  void erpAttemptsFeedRequestsCallsAndHistogramsObservedWhenTheyEnd() {
    Journey retried =
        journey(
            1,
            visit(
                ERP_ADAPTER,
                attempt(T0 + 1_000, 30_001, RETRYABLE_FAILURE, "timeout"),
                attempt(T0 + 40_000, 5, SUCCESS),
                attempt(T0 + 41_000, 6, FAILURE, "fault"),
                attempt(T0 + 42_000, 1_000, SUCCESS),
                // ends after the recording: counted, but its duration is not observed
                attempt(T_END - 100, 200, SUCCESS)));
    metrics.accept(retried);

    assertThat(values("http_requests", "erp-adapter", "POST", "/sap/CreateSalesOrder", "504"))
        .containsExactly(0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    assertThat(values("erp_calls", "erp-adapter", "CreateSalesOrder", "success")[10]).isEqualTo(3);
    assertThat(values("erp_calls", "erp-adapter", "CreateSalesOrder", "fault")[10]).isEqualTo(1);
    assertThat(values("erp_calls", "erp-adapter", "CreateSalesOrder", "timeout")[10]).isEqualTo(1);

    StepHistogram erp = (StepHistogram) metrics.family("erp_call_duration_seconds");
    // buckets 0:le=0.005 1:0.01 7:1.0 12:+Inf; all four observed attempts end in step 3
    assertThat(erp.bucketValues(0, "erp-adapter", "CreateSalesOrder")[10]).isEqualTo(1);
    assertThat(erp.bucketValues(1, "erp-adapter", "CreateSalesOrder")[10]).isEqualTo(2);
    assertThat(erp.bucketValues(7, "erp-adapter", "CreateSalesOrder")[10]).isEqualTo(3);
    assertThat(erp.bucketValues(11, "erp-adapter", "CreateSalesOrder")[10]).isEqualTo(3);
    assertThat(erp.bucketValues(12, "erp-adapter", "CreateSalesOrder"))
        .containsExactly(0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4);
    StepHistogram http = (StepHistogram) metrics.family("http_request_duration_seconds");
    assertThat(http.bucketValues(12, "erp-adapter")[10]).isEqualTo(4);

    List<RecordedFamily.SampleSeries> samples = erp.sampleSeries();
    RecordedFamily.SampleSeries sum = samples.get(samples.size() - 2);
    assertThat(sum.sampleName()).isEqualTo("erp_call_duration_seconds_sum");
    assertThat(sum.values()[10]).isEqualTo(31.012);
    assertThat(samples.get(0).labels())
        .containsExactly(
            entry("service", "erp-adapter"),
            entry("operation", "CreateSalesOrder"),
            entry("le", "0.005"));
  }

  @Test
  void fulfilmentOutcomesDlqParkedMessagesAndConfirmations() {
    metrics.accept(
        journey(
            2,
            visit(
                FULFILMENT,
                attempt(T0 + 1_000, 100, RETRYABLE_FAILURE),
                attempt(T0 + 2_000, 100, RETRYABLE_FAILURE),
                attempt(T0 + 16_000, 100, DEAD_LETTERED)),
            visit(ERP_ADAPTER, attempt(T0 + 1_010, 80, RETRYABLE_FAILURE))));
    // consumed, never got an ERP connection: parked from T0+20 s (step 2) on
    metrics.accept(journey(2, visit(FULFILMENT, attempt(T0 + 20_000, -1, PENDING))));
    // parked for a while, then got through (pool exhausted detail)
    metrics.accept(
        journey(
            2,
            visit(
                FULFILMENT,
                attempt(T0 + 29_000, 31_000, RETRYABLE_FAILURE, "ERP pool exhausted"),
                attempt(T0 + 60_000, 200, SUCCESS)),
            visit(ERP_ADAPTER, attempt(T0 + 60_010, 150, SUCCESS)),
            visit(ERP_CONFIRMATION, attempt(T0 + 70_000, 10, SUCCESS))));

    assertThat(values("messages_processed", "fulfilment-service", "retry"))
        .containsExactly(0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2);
    assertThat(values("messages_processed", "fulfilment-service", "dead_lettered"))
        .containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    assertThat(values("dlq_messages", "fulfilment-service", "orders.v1.DLQ"))
        .containsExactly(0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
    assertThat(values("messages_processed", "fulfilment-service", "parked"))
        .containsExactly(0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2);
    assertThat(values("messages_processed", "fulfilment-service", "success"))
        .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
    assertThat(values("erp_pool_pending_requests", "erp-adapter"))
        .containsExactly(0, 0, 2, 2, 1, 1, 1, 1, 1, 1, 1);
    assertThat(values("erp_confirmations", "erp-confirmation"))
        .containsExactly(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1);
  }

  @Test
  void openMetricsTextHasTypesSeriesInTimeOrderAndEof(@TempDir Path tmp) throws IOException {
    IncidentMetrics small = new IncidentMetrics(T0, T0 + 20_000, Duration.ofSeconds(15));
    small.accept(journey(0, visit(API_GATEWAY, attempt(T0 + 16_000, 12, SUCCESS))));
    Path file = tmp.resolve("history.om.txt");
    small.writeOpenMetrics(file);

    List<String> lines = Files.readAllLines(file);
    String labels = "service=\"api-gateway\",method=\"POST\",route=\"/orders\",status=\"202\"";
    String target = "job=\"orders-sandbox\",instance=\"sandbox\"";
    assertThat(lines.subList(0, 5))
        .containsExactly(
            "# HELP http_requests HTTP requests received, by service, method, route and response status.",
            "# TYPE http_requests counter",
            "http_requests_total{" + labels + "," + target + "} 0 1700000000",
            "http_requests_total{" + labels + "," + target + "} 0 1700000015",
            "http_requests_total{" + labels + "," + target + "} 1 1700000020");
    assertThat(lines)
        .contains(
            "# TYPE http_request_duration_seconds histogram",
            "http_request_duration_seconds_bucket{service=\"api-gateway\",le=\"0.025\","
                + target
                + "} 1 1700000020",
            "http_request_duration_seconds_bucket{service=\"api-gateway\",le=\"+Inf\","
                + target
                + "} 1 1700000020",
            "http_request_duration_seconds_sum{service=\"api-gateway\","
                + target
                + "} 0.012 1700000020",
            "# TYPE kafka_consumergroup_lag gauge");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("# EOF");
    assertThat(lines.stream().filter(l -> l.startsWith("# TYPE"))).hasSize(10);
  }

  @Test
  void liveStateCarriesEndValuesAndRatesOverTheLastFiveMinutes() {
    IncidentMetrics tenMinutes = new IncidentMetrics(T0, T0 + 600_000, Duration.ofSeconds(15));
    for (long t = T0 + 1_000; t <= T0 + 600_000; t += 1_000) {
      tenMinutes.accept(journey(4, visit(API_GATEWAY, attempt(t, 20, SUCCESS))));
    }
    // lag grows by one every 10 s during the last 5 minutes: trend 0.1/s
    for (long t = T0 + 310_000; t <= T0 + 600_000; t += 10_000) {
      tenMinutes.accept(journey(4, visit(ORDERS_TOPIC, attempt(t, -1, PENDING))));
    }
    LiveState state = tenMinutes.liveState();

    assertThat(state.recordedUntil()).isEqualTo(T0 + 600_000);
    LiveState.Series gateway202 = series(state, "http_requests", 0);
    assertThat(gateway202.labels()).containsEntry("status", "202");
    assertThat(gateway202.value()).isEqualTo(600);
    assertThat(gateway202.perSecond()).isEqualTo(1.0);
    LiveState.Series lag = series(state, "kafka_consumergroup_lag", 4);
    assertThat(lag.labels()).containsEntry("partition", "4");
    assertThat(lag.value()).isEqualTo(30);
    assertThat(lag.perSecond()).isEqualTo(0.1);
    // the last request ends 20 ms after the recording: not observed; 300 end in the last 5 min
    LiveState.Series latency = series(state, "http_request_duration_seconds", 0);
    assertThat(latency.value()).isEqualTo(599);
    assertThat(latency.perSecond()).isEqualTo(1.0);
    assertThat(latency.sum()).isEqualTo(11.98);
    assertThat(latency.sumPerSecond()).isCloseTo(0.02, within(1e-15));
    assertThat(latency.buckets()).hasSize(13);
    assertThat(latency.buckets().get(1)).isEqualTo(new LiveState.Bucket("0.01", 0, 0));
    assertThat(latency.buckets().get(2)).isEqualTo(new LiveState.Bucket("0.025", 599, 1.0));
    assertThat(latency.buckets().get(12).le()).isEqualTo("+Inf");
  }

  @Test
  void aMillionJourneysNeedNoMemoryPerMessage() {
    Journey one =
        journey(
            5,
            visit(API_GATEWAY, attempt(T0 + 7_000, 20, SUCCESS)),
            visit(ORDERS_TOPIC, attempt(T0 + 7_100, 100, SUCCESS)));
    for (int i = 0; i < 1_000_000; i++) {
      metrics.accept(one);
    }
    assertThat(values("http_requests", "api-gateway", "POST", "/orders", "202")[10])
        .isEqualTo(1_000_000);
    assertThat(values("kafka_consumergroup_lag", "fulfilment-service", "orders.v1", "5"))
        .containsOnly(0);
  }

  private static LiveState.Series series(LiveState state, String family, int index) {
    return state.families().stream()
        .filter(f -> f.name().equals(family))
        .findFirst()
        .orElseThrow()
        .series()
        .get(index);
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }
}
