package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.BlindSource.Reason;
import org.hopscope.sandbox.EsEndpoint;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.source.Cancellation;
import org.hopscope.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code blindSources} on the test sandbox (security off; a user without privileges is in {@link
 * ElasticSecurityTest}). Indices this test makes are named {@code hopscope-blindtest-*} (no path
 * reads them) and removed afterwards.
 */
@ExtendWith(SandboxExtension.class)
class ElasticBlindSourcesTest {

  private static final String CLOSED = "hopscope-blindtest-closed";
  private static final String LATE = "hopscope-blindtest-late-1";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-05-01T03:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private EsEndpoint admin;
  private ElasticEventSource source;

  @BeforeEach
  void open(TestSandbox sandbox) throws Exception {
    admin = EsEndpoint.plain(sandbox.state().elasticsearchUrl());
    source =
        new ElasticEventSource(
            ElasticConnection.open(ElasticSettings.of(sandbox.state().elasticsearchUrl())), clock);
    removeIndices();
  }

  @AfterEach
  void close() throws Exception {
    source.close();
    removeIndices();
  }

  /** The indices the tests make (deleting by wildcard is refused by default). */
  private void removeIndices() throws Exception {
    send("DELETE", "/" + CLOSED + "," + LATE + "?ignore_unavailable=true", null);
  }

  private List<BlindSource> blind(String... patterns) {
    return source.blindSources(List.of(patterns), Cancellation.none());
  }

  private String send(String method, String path, String body) throws Exception {
    HttpRequest.Builder r = admin.request(path).header("Content-Type", "application/json");
    r.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> answer = http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() >= 300) {
      throw new IOException(method + " " + path + ": " + answer.body());
    }
    return answer.body();
  }

  private void createIndex(String name) throws Exception {
    send("PUT", "/" + name, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0}}");
  }

  @Test
  void everyPatternOfTheOrdersPathIsReadable() {
    List<String> patterns =
        OrdersPath.PATH.hops().stream()
            .flatMap(h -> h.sources().stream())
            .map(s -> s.index())
            .toList();
    assertThat(patterns).hasSize(7);

    assertThat(source.blindSources(patterns, Cancellation.none())).isEmpty();
  }

  @Test
  void aMisspeltPatternOrNameIsNoIndexAmongReadableOnes() {
    assertThat(blind("logs-fulfilment-*", "logs-fulfilmnet-*", "jaeger-span", "logs-fulfilmnet-*"))
        .containsExactly(
            new BlindSource(
                "logs-fulfilmnet-*",
                Reason.NO_INDEX,
                "index_not_found_exception: no such index [logs-fulfilmnet-*]"),
            new BlindSource(
                "jaeger-span",
                Reason.NO_INDEX,
                "index_not_found_exception: no such index [jaeger-span]"));
  }

  @Test
  void aClosedIndexIsUnavailableAndAskedAgainEachTime() throws Exception {
    createIndex(CLOSED);
    send("POST", "/" + CLOSED + "/_close", null);

    BlindSource closed =
        new BlindSource(
            "hopscope-blindtest-closed",
            Reason.UNAVAILABLE,
            "HTTP 400 index_closed_exception: closed [index hopscope-blindtest-closed]");
    assertThat(blind("hopscope-blindtest-closed")).containsExactly(closed);

    send("POST", "/" + CLOSED + "/_open?wait_for_active_shards=1", null);
    assertThat(blind("hopscope-blindtest-closed")).isEmpty();
  }

  @Test
  void answersAreKept30SecondsPerSource() throws Exception {
    BlindSource late =
        new BlindSource(
            "hopscope-blindtest-late-*",
            Reason.NO_INDEX,
            "index_not_found_exception: no such index [hopscope-blindtest-late-*]");
    assertThat(blind("hopscope-blindtest-late-*")).containsExactly(late);

    createIndex(LATE);
    clock.advance(Duration.ofSeconds(29));
    assertThat(blind("hopscope-blindtest-late-*")).containsExactly(late); // kept

    clock.advance(Duration.ofSeconds(1));
    assertThat(blind("hopscope-blindtest-late-*")).isEmpty(); // asked again: it exists now
  }
}
