package org.hopscope.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hopscope.sandbox.metrics.Journeys.attempt;
import static org.hopscope.sandbox.metrics.Journeys.journey;
import static org.hopscope.sandbox.metrics.Journeys.visit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hopscope.sandbox.SandboxMain;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.OrdersHop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hidden {@code exporter} command, run in-process on port 19451 against a temp folder. */
class ExporterCommandTest {

  private static final int PORT = 19451;

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger exitCode = new AtomicInteger(-1);
  private Thread exporter;

  @BeforeEach
  void startExporter() throws Exception {
    exporter =
        new Thread(
            () ->
                exitCode.set(
                    SandboxMain.commandLine()
                        .execute(
                            "exporter",
                            "--dir",
                            dir.toString(),
                            "--exporter-port",
                            Integer.toString(PORT))),
            "exporter-under-test");
    exporter.start();
    awaitMetrics(body -> body.contains("hopscope_sandbox_seeded"));
  }

  @AfterEach
  void stopExporter() throws InterruptedException {
    exporter.interrupt();
    exporter.join(TimeUnit.SECONDS.toMillis(10));
    assertThat(exporter.isAlive()).isFalse();
    assertThat(exitCode.get()).isZero();
  }

  @Test
  void withoutStateOnlySaysNotSeeded() throws Exception {
    assertThat(samples(scrape())).containsExactly(Map.entry("hopscope_sandbox_seeded", 0.0));
  }

  @Test
  void exposesTheHistorysSeriesWithoutJobAndInstance() throws Exception {
    long now = System.currentTimeMillis();
    IncidentMetrics metrics = new IncidentMetrics(now - 600_000, now, Duration.ofSeconds(15));
    metrics.accept(
        journey(
            2,
            visit(OrdersHop.API_GATEWAY, attempt(now - 9_000, 12, Outcome.SUCCESS)),
            visit(OrdersHop.ORDERS_TOPIC, attempt(now - 8_000, -1, Outcome.PENDING))));
    Path history = dir.resolve("history.om.txt");
    metrics.writeOpenMetrics(history);
    metrics.writeLiveState(LiveState.fileIn(dir));

    String body = awaitMetrics(b -> b.contains("hopscope_sandbox_seeded 1.0"));

    Map<String, Double> live = samples(body);
    live.remove("hopscope_sandbox_seeded");
    Map<String, Double> recorded =
        Files.readAllLines(history).stream()
            .filter(line -> !line.startsWith("#"))
            .map(line -> line.substring(0, line.lastIndexOf(' ')))
            .collect(Collectors.toMap(ExporterCommandTest::series, l -> 0.0, (a, b) -> a));
    // 6 request counters, 3 + 1 histograms of 15 samples, 6 lag gauges, 13 more
    assertThat(live).hasSize(84);
    assertThat(live.keySet()).isEqualTo(recorded.keySet());
    String gateway202 =
        seriesId(
            "http_requests_total",
            "service",
            "api-gateway",
            "method",
            "POST",
            "route",
            "/orders",
            "status",
            "202");
    assertThat(live.get(gateway202)).isEqualTo(1.0);
    String lag2 =
        seriesId(
            "kafka_consumergroup_lag",
            "group",
            "fulfilment-service",
            "topic",
            "orders.v1",
            "partition",
            "2");
    assertThat(live.get(lag2)).isEqualTo(1.0);
    String fastGateway =
        seriesId("http_request_duration_seconds_bucket", "service", "api-gateway", "le", "0.025");
    assertThat(live.get(fastGateway)).isEqualTo(1.0);
  }

  @Test
  void continuesRecordedValuesAndFollowsANewState() throws Exception {
    long now = System.currentTimeMillis();
    Map<String, String> gateway = Map.of("service", "api-gateway");
    LiveState flat =
        new LiveState(
            now,
            List.of(
                new LiveState.Family(
                    "dlq_messages", "counter", "DLQ.", List.of(series(gateway, 1203, 0))),
                new LiveState.Family(
                    "erp_pool_pending_requests",
                    "gauge",
                    "Pool.",
                    List.of(series(gateway, 300, 0))),
                new LiveState.Family(
                    "erp_call_duration_seconds",
                    "histogram",
                    "ERP.",
                    List.of(
                        new LiveState.Series(
                            gateway,
                            4,
                            0,
                            List.of(
                                new LiveState.Bucket("0.005", 1, 0),
                                new LiveState.Bucket("30.0", 3, 0),
                                new LiveState.Bucket("+Inf", 4, 0)),
                            31.5,
                            0.0)))));
    flat.write(LiveState.fileIn(dir));

    Map<String, Double> first = samples(awaitMetrics(b -> b.contains("seeded 1.0")));
    assertThat(first)
        .containsEntry("hopscope_sandbox_seeded", 1.0)
        .containsEntry("dlq_messages_total{service=api-gateway}", 1203.0)
        .containsEntry("erp_call_duration_seconds_bucket{le=0.005, service=api-gateway}", 1.0)
        .containsEntry("erp_call_duration_seconds_bucket{le=30.0, service=api-gateway}", 3.0)
        .containsEntry("erp_call_duration_seconds_bucket{le=+Inf, service=api-gateway}", 4.0)
        .containsEntry("erp_call_duration_seconds_count{service=api-gateway}", 4.0)
        .containsEntry("erp_call_duration_seconds_sum{service=api-gateway}", 31.5)
        .hasSize(8);
    // +-2% jitter around the flat gauge
    assertThat(first.get("erp_pool_pending_requests{service=api-gateway}")).isBetween(294.0, 306.0);

    // re-seed: other series, recorded 10 s ago, counter growing 100/s, gauge 10/s
    long recordedUntil = System.currentTimeMillis() - 10_000;
    LiveState growing =
        new LiveState(
            recordedUntil,
            List.of(
                new LiveState.Family(
                    "erp_calls", "counter", "Calls.", List.of(series(gateway, 50, 100))),
                new LiveState.Family(
                    "kafka_consumergroup_lag",
                    "gauge",
                    "Lag.",
                    List.of(series(gateway, 100, 10)))));
    growing.write(LiveState.fileIn(dir));

    Map<String, Double> second = samples(awaitMetrics(b -> b.contains("erp_calls_total")));
    assertThat(second.keySet())
        .containsExactlyInAnyOrder(
            "hopscope_sandbox_seeded",
            "erp_calls_total{service=api-gateway}",
            "kafka_consumergroup_lag{service=api-gateway}");
    double calls = second.get("erp_calls_total{service=api-gateway}");
    assertThat(calls).isGreaterThanOrEqualTo(1050);
    double secondsSince = (System.currentTimeMillis() - recordedUntil) / 1000.0;
    assertThat(calls).isLessThanOrEqualTo(50 + 100 * 1.1 * secondsSince);
    assertThat(second.get("kafka_consumergroup_lag{service=api-gateway}"))
        .isBetween(196.0, (100 + 10 * secondsSince) * 1.02 + 1);
    double previous = calls;
    for (int i = 0; i < 5; i++) {
      double now2 = samples(awaitMetrics(b -> true)).get("erp_calls_total{service=api-gateway}");
      assertThat(now2).isGreaterThanOrEqualTo(previous);
      previous = now2;
    }
    Files.delete(LiveState.fileIn(dir));
    assertThat(samples(awaitMetrics(b -> b.contains("seeded 0.0"))))
        .containsExactly(Map.entry("hopscope_sandbox_seeded", 0.0));
  }

  private static LiveState.Series series(Map<String, String> labels, double value, double rate) {
    return new LiveState.Series(labels, value, rate, null, null, null);
  }

  private static String seriesId(String name, String... labels) {
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < labels.length; i += 2) {
      sorted.put(labels[i], labels[i + 1]);
    }
    return name + sorted;
  }

  /** {@code name{a="1",b="2"} value [ts]} -> {@code name{a=1, b=2}} without job/instance. */
  private static String series(String sampleWithoutValue) {
    int brace = sampleWithoutValue.indexOf('{');
    if (brace < 0) {
      return sampleWithoutValue.strip();
    }
    Map<String, String> labels = new TreeMap<>();
    String inner = sampleWithoutValue.substring(brace + 1, sampleWithoutValue.lastIndexOf('}'));
    for (String pair : inner.split("\",")) {
      String[] kv = pair.split("=\"", 2);
      labels.put(kv[0], kv[1].replace("\"", ""));
    }
    labels.remove("job");
    labels.remove("instance");
    return sampleWithoutValue.substring(0, brace) + (labels.isEmpty() ? "" : labels);
  }

  /** Every sample of a text-format scrape: series id -> value. */
  private static Map<String, Double> samples(String body) {
    Map<String, Double> samples = new TreeMap<>();
    for (String line : body.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(series(line.substring(0, space)), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }

  private String scrape() throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/metrics"))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  private String awaitMetrics(Predicate<String> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    String last = null;
    while (System.nanoTime() < deadline) {
      if (!exporter.isAlive()) {
        fail("exporter stopped with exit code " + exitCode.get());
      }
      try {
        last = scrape();
        if (condition.test(last)) {
          return last;
        }
      } catch (IOException notListeningYet) {
        // the server is not bound yet: poll again
      }
      exporter.join(100);
    }
    return fail("condition not met within 15 s; last scrape:\n" + last);
  }
}
