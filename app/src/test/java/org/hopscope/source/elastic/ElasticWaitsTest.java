package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.FakeBackend;
import org.hopscope.faults.Fault;
import org.hopscope.oncall.CapturedLog;
import org.hopscope.source.Cancellation;
import org.hopscope.source.FindResult;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.Test;

/**
 * Silent, trickling, not-accepting and overloaded clusters (fake servers on loopback): every call
 * of a command ends within one deadline (connect + request timeout) with the cluster and its URL
 * named, and a cluster found silent fails the command's other requests at once (ADR 0019).
 *
 * <p>The time bounds below are generous on purpose (several times the expected time); without the
 * fix these calls wait one timeout per request in turn, or forever for a trickle.
 */
@Fault(Fault.Area.WAITS)
class ElasticWaitsTest {

  private static final Duration CONNECT = Duration.ofSeconds(1);
  private static final Duration REQUEST = Duration.ofSeconds(1);

  private static ElasticEventSource source(FakeBackend fake) {
    return source(fake, REQUEST);
  }

  private static ElasticEventSource source(FakeBackend fake, Duration request) {
    ElasticSettings settings =
        ElasticSettings.of(fake.url()).withTimeouts(CONNECT, request).withMaxAttempts(4);
    return new ElasticEventSource(
        ElasticConnection.open(
            settings, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), () -> 0.5)));
  }

  private static FindResult find(ElasticEventSource source, Cancellation cancel) {
    return source.find(SeededOrders.byMessageId(Set.of("ord-1")).subList(0, 1), null, 10, cancel);
  }

  private static String timeout(FakeBackend fake) {
    return "Elasticsearch at "
        + fake.url()
        + " did not answer the search of [gateway-access-*] within 1 s (request"
        + " timeout). Check that the cluster is healthy, or raise the request timeout"
        + " (requestTimeout in the profile, HOPSCOPE_ES_REQUEST_TIMEOUT).";
  }

  @Test
  void aSilentClusterIsATimeoutNamingItsUrl() {
    try (FakeBackend fake = FakeBackend.silent();
        ElasticEventSource source = source(fake)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> find(source, new Cancellation()))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessage(timeout(fake));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void afterOneTimeoutTheCommandsLaterRequestsFailAtOnceWithoutBeingSent() throws Exception {
    try (FakeBackend fake = FakeBackend.silent();
        ElasticEventSource source = source(fake)) {
      Cancellation command = new Cancellation();
      List<String> messages = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 6; i++) {
        try {
          find(source, command);
        } catch (SourceException e) {
          messages.add(e.getMessage());
        }
      }
      // one request timeout for all six, not six in turn (which took 6 x 2 s)
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
      assertThat(messages).hasSize(6).containsOnly(timeout(fake));
      assertThat(fake.requests()).containsExactly("POST /_msearch HTTP/1.1");
      // a new command (the next search) asks the cluster again
      assertThatThrownBy(() -> find(source, new Cancellation())).hasMessage(timeout(fake));
      assertThat(fake.requests()).hasSize(2);
    }
  }

  @Test
  void requestsInFlightInParallelEndWithTheFirstTimeout() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (FakeBackend fake = FakeBackend.silent();
        ElasticEventSource source = source(fake)) {
      Cancellation command = new Cancellation();
      List<CompletableFuture<Throwable>> calls = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    find(source, command);
                    return null;
                  } catch (RuntimeException e) {
                    return e;
                  }
                },
                pool));
      }
      for (CompletableFuture<Throwable> call : calls) {
        // generous: all four end with the first timeout (~2 s), not one after the other
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
    try (FakeBackend fake = FakeBackend.trickling();
        ElasticEventSource source = source(fake)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> find(source, new Cancellation())).hasMessage(timeout(fake));
      // a byte every 100 ms never trips the read timeout: only the deadline ends it
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void aConnectTimeoutIsReportedAsATimeoutNotAsRefused() {
    // a request timeout well beyond the connect timeout: the connect timeout ends it, however
    // slowly a loaded machine schedules the timers
    try (FakeBackend fake = FakeBackend.notAccepting();
        ElasticEventSource source = source(fake, Duration.ofSeconds(30))) {
      Cancellation command = new Cancellation();
      assertThatThrownBy(() -> find(source, command))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessage(
              "Elasticsearch at "
                  + fake.url()
                  + " did not accept a connection within 1 s (connect timeout) for the search of"
                  + " [gateway-access-*]. Check the URL, that Elasticsearch is"
                  + " running, and your VPN, proxy or firewall.");
      // the command's next request to it gets the same answer (the backend counts as silent)
      assertThatThrownBy(() -> find(source, command)).hasMessageContaining("connect timeout");
    }
  }

  @Test
  void aRetryAfterWithinTheDeadlineIsWaitedAndRetried() {
    try (FakeBackend fake = FakeBackend.unavailable(1);
        ElasticEventSource source =
            new ElasticEventSource(
                ElasticConnection.open(
                    ElasticSettings.of(fake.url())
                        .withTimeouts(CONNECT, Duration.ofSeconds(10))
                        .withMaxAttempts(2),
                    new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), () -> 0.5)));
        CapturedLog log = CapturedLog.of(Backoff.class.getName())) {
      assertThatThrownBy(() -> find(source, new Cancellation()))
          .hasMessageStartingWith("Elasticsearch at " + fake.url() + " rejected the search of")
          .hasMessageContaining("(503 unavailable: overloaded)");
      assertThat(fake.requests()).hasSize(2);
      // the second attempt waited the Retry-After (1 s), not the 5 ms backoff
      assertThat(log.lines())
          .singleElement()
          .asString()
          .endsWith(" with HTTP 503; attempt 2 in 1000 ms");
    }
  }

  @Test
  void aRetryAfterBeyondTheDeadlineIsNotWaited() {
    try (FakeBackend fake = FakeBackend.unavailable(60);
        ElasticEventSource source = source(fake)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> find(source, new Cancellation()))
          .hasMessageContaining("(503 unavailable: overloaded).")
          .hasMessageEndingWith(
              " Gave up after 1 attempt: waiting 60000 ms more would pass the request timeout"
                  + " (1 s).");
      assertThat(fake.requests()).hasSize(1);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void cancelEndsAWaitOnASilentClusterAtOnce() throws Exception {
    try (FakeBackend fake = FakeBackend.silent();
        ElasticEventSource source =
            new ElasticEventSource(
                ElasticConnection.open(
                    ElasticSettings.of(fake.url())
                        .withTimeouts(CONNECT, Duration.ofSeconds(60))))) {
      Cancellation cancel = new Cancellation();
      CompletableFuture<FindResult> call =
          CompletableFuture.supplyAsync(() -> find(source, cancel));
      assertThat(fake.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
      cancel.cancel();
      // the request timeout is 60 s: only the cancel can end it this soon
      assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(Cancellation.CancelledException.class);
    }
  }
}
