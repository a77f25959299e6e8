package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.FakeBackend;
import org.hopscope.faults.Fault;
import org.hopscope.model.MetricSeries;
import org.hopscope.oncall.CapturedLog;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.Test;

/**
 * Silent, trickling, not-accepting and overloaded Prometheus backends (fake servers on loopback):
 * every query ends within one deadline (connect + request timeout) naming the backend and its URL,
 * and a backend found silent fails the command's other queries at once (ADR 0019).
 *
 * <p>The time bounds are generous on purpose; without the fix these queries wait one timeout each
 * in turn, or forever for a trickle.
 */
@Fault(Fault.Area.WAITS)
class PrometheusWaitsTest {

  private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

  private static PrometheusMetricSource source(FakeBackend fake) {
    return new PrometheusMetricSource(
        PrometheusSettings.of(fake.url())
            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
            .withRetries(3, Duration.ofMillis(10)));
  }

  private static List<MetricSeries> query(PrometheusMetricSource source, Cancellation cancel) {
    return source.queryRange("up", T.minusSeconds(600), T, Duration.ofSeconds(15), cancel);
  }

  private static String timeout(FakeBackend fake) {
    return "Prometheus "
        + fake.url()
        + " did not answer within 1 s (request timeout); check that Prometheus is healthy, narrow"
        + " the time range or raise the timeout (requestTimeout in the profile,"
        + " HOPSCOPE_PROMETHEUS_REQUEST_TIMEOUT)";
  }

  @Test
  void aSilentBackendIsATimeoutAndTheCommandsLaterQueriesFailAtOnce() {
    try (FakeBackend fake = FakeBackend.silent()) {
      PrometheusMetricSource source = source(fake);
      Cancellation command = new Cancellation();
      List<String> messages = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 6; i++) {
        try {
          query(source, command);
        } catch (SourceException e) {
          assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE);
          messages.add(e.getMessage());
        }
      }
      // one timeout for all six panels, not six in turn
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(messages).hasSize(6).containsOnly(timeout(fake));
      assertThat(fake.requests()).containsExactly("POST /api/v1/query_range HTTP/1.1");
    }
  }

  @Test
  void queriesInFlightInParallelEndWithTheFirstTimeout() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (FakeBackend fake = FakeBackend.silent()) {
      PrometheusMetricSource source = source(fake);
      Cancellation command = new Cancellation();
      List<CompletableFuture<Throwable>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    query(source, command);
                    return null;
                  } catch (RuntimeException e) {
                    return e;
                  }
                },
                pool));
      }
      for (CompletableFuture<Throwable> call : calls) {
        assertThat(call.get(6, TimeUnit.SECONDS))
            .isInstanceOf(SourceException.class)
            .hasMessage(timeout(fake));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aTricklingAnswerIsBoundedByTheWholeResponseDeadline() {
    try (FakeBackend fake = FakeBackend.trickling()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> query(source(fake), new Cancellation())).hasMessage(timeout(fake));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aConnectTimeoutIsReportedAsATimeoutNotAsRefused() {
    try (FakeBackend fake = FakeBackend.notAccepting()) {
      // a request timeout well beyond the connect timeout: the connect timeout ends it
      PrometheusMetricSource source =
          new PrometheusMetricSource(
              PrometheusSettings.of(fake.url())
                  .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30))
                  .withRetries(3, Duration.ofMillis(10)));
      Cancellation command = new Cancellation();
      assertThatThrownBy(() -> query(source, command))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessage(
              "Prometheus "
                  + fake.url()
                  + " unreachable: no connection within 1 s (connect timeout); check the URL,"
                  + " that Prometheus is running there, and your VPN, proxy or firewall");
      // the command's next request to it gets the same answer (the backend counts as silent)
      assertThatThrownBy(() -> query(source, command)).hasMessageContaining("connect timeout");
    }
  }

  @Test
  void aRetryAfterWithinTheDeadlineIsWaitedAndRetried() {
    try (FakeBackend fake = FakeBackend.unavailable(1);
        CapturedLog log = CapturedLog.of(PrometheusHttp.class.getName())) {
      PrometheusMetricSource source =
          new PrometheusMetricSource(
              PrometheusSettings.of(fake.url())
                  .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(10))
                  .withRetries(1, Duration.ofMillis(10)));
      assertThatThrownBy(() -> query(source, new Cancellation()))
          .hasMessageStartingWith(
              "Prometheus " + fake.url() + " answered HTTP 503 (after 2 attempts)");
      assertThat(fake.requests()).hasSize(2);
      assertThat(log.lines())
          .containsExactly(
              "INFO Prometheus answered POST /api/v1/query_range with HTTP 503; attempt 2 in 1000"
                  + " ms");
    }
  }

  @Test
  void aRetryAfterBeyondTheDeadlineIsNotWaited() {
    try (FakeBackend fake = FakeBackend.unavailable(8)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> query(source(fake), new Cancellation()))
          .hasMessageStartingWith(
              "Prometheus "
                  + fake.url()
                  + " answered HTTP 503 (after 1 attempt; not retried after 8000 ms: that would"
                  + " pass the request timeout of 1 s)");
      assertThat(fake.requests()).hasSize(1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void cancelEndsAWaitOnASilentBackendAtOnce() throws Exception {
    try (FakeBackend fake = FakeBackend.silent()) {
      PrometheusMetricSource source =
          new PrometheusMetricSource(
              PrometheusSettings.of(fake.url())
                  .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(60)));
      Cancellation cancel = new Cancellation();
      CompletableFuture<List<MetricSeries>> call =
          CompletableFuture.supplyAsync(() -> query(source, cancel));
      assertThat(fake.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
      cancel.cancel();
      // the request timeout is 60 s: only the cancel can end it this soon
      assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(Cancellation.CancelledException.class);
    }
  }
}
