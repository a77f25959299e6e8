package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.hopscope.faults.FakeBackend;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;

/**
 * Commands against a silent backend (in-process, fake servers on loopback): each ends within about
 * one request timeout (2 s here, plus 1 s to connect) with the backend and its URL named and its
 * usual exit code, however many requests it had queued.
 *
 * <p>The bounds (15 s from the first request) are generous on purpose: before the fix these
 * commands waited one timeout per queued request in turn (about 3x).
 */
@Fault(Fault.Area.WAITS)
class WaitsCliTest {

  private static final Map<String, String> FAST =
      Map.of(
          "HOPSCOPE_ES_CONNECT_TIMEOUT", "1s",
          "HOPSCOPE_ES_REQUEST_TIMEOUT", "2s",
          "HOPSCOPE_PROMETHEUS_CONNECT_TIMEOUT", "1s",
          "HOPSCOPE_PROMETHEUS_REQUEST_TIMEOUT", "2s");

  private static final Duration BOUND = Duration.ofSeconds(15);

  /**
   * Runs {@code command}, asserting it ends within {@link #BOUND} of the backend receiving its
   * first request (the moment it goes silent; a loaded machine may take long to get there).
   */
  private static CliRun timed(FakeBackend backend, Supplier<CliRun> command) {
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(command);
    try {
      assertThat(backend.awaitRequests(1, Duration.ofSeconds(60)) || run.isDone())
          .as("the backend was asked")
          .isTrue();
      return run.get(BOUND.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("the command did not end within " + BOUND, e);
    }
  }

  private static String esTimeout(FakeBackend fake) {
    return "hopscope: Elasticsearch at " + fake.url() + " did not answer ";
  }

  @Test
  void stuckAgainstASilentClusterExits4NamingIt() {
    try (FakeBackend es = FakeBackend.silent()) {
      CliRun run =
          timed(
              es,
              () ->
                  CliRun.run(
                      FAST, "stuck", "--path", "orders", "--from", "now-1h", "--es", es.url()));
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.out).isEmpty();
      assertThat(run.err)
          .startsWith(esTimeout(es))
          .contains(" within 2 s (request timeout). Check that the cluster is healthy");
    }
  }

  @Test
  void stuckAgainstATricklingClusterExits4NamingIt() {
    try (FakeBackend es = FakeBackend.trickling()) {
      CliRun run =
          timed(
              es,
              () ->
                  CliRun.run(
                      FAST, "stuck", "--path", "orders", "--from", "now-1h", "--es", es.url()));
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.err).startsWith(esTimeout(es)).contains(" within 2 s (request timeout).");
    }
  }

  @Test
  void stuckAgainstAClusterNotAcceptingConnectionsSaysConnectTimeout() {
    try (FakeBackend es = FakeBackend.notAccepting()) {
      CliRun run =
          CliRun.run(FAST, "stuck", "--path", "orders", "--from", "now-1h", "--es", es.url());
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.err)
          .startsWith("hopscope: Elasticsearch at " + es.url() + " did not accept a connection")
          .contains("within 1 s (connect timeout)")
          .doesNotContain("refused");
    }
  }

  @Test
  void flowAgainstASilentClusterExits4NamingIt() {
    try (FakeBackend es = FakeBackend.silent()) {
      CliRun run =
          timed(
              es,
              () ->
                  CliRun.run(FAST, "flow", "--path", "orders", "--id", "ord-1", "--es", es.url()));
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.err).startsWith(esTimeout(es)).contains(" within 2 s (request timeout).");
    }
  }

  @Test
  void playbookRunAgainstSilentBackendsExits4WithEveryCheckNamingItsBackend() {
    try (FakeBackend es = FakeBackend.silent();
        FakeBackend prometheus = FakeBackend.silent()) {
      CliRun run =
          timed(
              prometheus,
              () ->
                  CliRun.run(
                      FAST,
                      "playbook",
                      "run",
                      "consumer-lag",
                      "--var",
                      "hop=fulfilment-service",
                      "--es",
                      es.url(),
                      "--prometheus",
                      prometheus.url()));
      // five checks, one timeout per backend: not five timeouts in turn
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.out)
          .contains("Prometheus " + prometheus.url() + " did not answer within 2 s")
          .contains("Elasticsearch at " + es.url() + " did not answer");
      assertThat(prometheus.requests()).hasSize(1);
    }
  }

  @Test
  void pathsValidateAgainstASilentClusterExits4NamingIt() {
    try (FakeBackend es = FakeBackend.silent()) {
      CliRun run = timed(es, () -> CliRun.run(FAST, "paths", "--validate", "--es", es.url()));
      assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
      assertThat(run.err).contains(esTimeout(es)).contains(" within 2 s (request timeout).");
    }
  }
}
