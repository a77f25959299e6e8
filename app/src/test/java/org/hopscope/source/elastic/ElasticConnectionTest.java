package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.Fault;
import org.hopscope.sandbox.SearchEngine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connection facts, unreachable clusters and cancellation against the plain test sandbox. */
@ExtendWith(SandboxExtension.class)
class ElasticConnectionTest {

  @Test
  void infoNamesTheEngineItsVersionAndHealth(TestSandbox sandbox) {
    // the minimal Elasticsearch answers GET / with 405: its product header names it, _nodes the
    // version; OpenSearch says both in GET /
    String expected =
        sandbox.engine() == SearchEngine.OPENSEARCH ? "OpenSearch 2.19.4" : "Elasticsearch 8.19.21";
    try (ElasticConnection c =
        ElasticConnection.open(ElasticSettings.of(sandbox.state().elasticsearchUrl()))) {
      ClusterInfo info = c.info(Cancellation.none());
      assertThat(info.product() + " " + info.version()).isEqualTo(expected);
      assertThat(c.identity(Cancellation.none()).dialect().product()).isEqualTo(info.product());
      assertThat(info.health()).isIn("green", "yellow");
      assertThat(info.clusterName()).isNotBlank();
      assertThat(info.notes()).isEmpty();
    }
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void closedPortIsUnreachableWithinTheTimeoutNamingTheUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    ElasticSettings settings =
        ElasticSettings.of(url).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    try (ElasticEventSource source = new ElasticEventSource(ElasticConnection.open(settings))) {
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  source.find(
                      SeededOrders.byMessageId(Set.of("ord-1")), null, 100, Cancellation.none()))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE);
                assertThat(e.source()).isEqualTo("Elasticsearch");
                assertThat(e.getMessage())
                    .startsWith("Elasticsearch at " + url + " is unreachable (connection refused)")
                    .endsWith(
                        "Check the URL, that Elasticsearch is running, and your VPN or network.");
              });
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void cancelFromAnotherThreadAbortsAFindPromptly(TestSandbox sandbox) {
    String chatty = Manifest.read(sandbox.manifest()).chattyId();
    ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();
    try (ElasticEventSource source =
        new ElasticEventSource(
            ElasticConnection.open(ElasticSettings.of(sandbox.state().elasticsearchUrl())))) {
      Cancellation cancel = new Cancellation();
      long[] cancelledAt = new long[1];
      canceller.schedule(
          () -> {
            cancelledAt[0] = System.nanoTime();
            cancel.cancel();
          },
          300,
          TimeUnit.MILLISECONDS);
      assertThatThrownBy(
              () -> source.find(SeededOrders.byMessageId(Set.of(chatty)), null, 1_000_000, cancel))
          .isInstanceOf(Cancellation.CancelledException.class);
      long after = System.nanoTime();
      assertThat(cancelledAt[0]).isPositive();
      assertThat(Duration.ofNanos(after - cancelledAt[0])).isLessThan(Duration.ofSeconds(1));
    } finally {
      canceller.shutdownNow();
    }
  }

  @Test
  void alreadyCancelledSendsNothing(TestSandbox sandbox) {
    try (ElasticEventSource source =
        new ElasticEventSource(
            ElasticConnection.open(ElasticSettings.of(sandbox.state().elasticsearchUrl())))) {
      Cancellation cancel = new Cancellation();
      cancel.cancel();
      assertThatThrownBy(
              () -> source.find(SeededOrders.byMessageId(Set.of("ord-1")), null, 10, cancel))
          .isInstanceOf(Cancellation.CancelledException.class);
      assertThat(source.find(List.of(), null, 10, cancel).events()).isEmpty();
    }
  }
}
