package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.Fault;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.connection.Auth;
import org.hopscope.oncall.CapturedLog;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.hopscope.source.prometheus.CannedPrometheus.Canned;
import org.junit.jupiter.api.Test;

/**
 * What our client sends and how it reads answers, against a local server with canned answers:
 * headers, form body, retries, error mapping, cancellation of a request in flight.
 */
class PrometheusClientTest {

  private static final Instant T = Instant.parse("2026-11-26T12:00:00.250Z");

  private static PrometheusSettings fast(String url) {
    return PrometheusSettings.of(url)
        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
        .withRetries(3, Duration.ofMillis(10));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String pair : body.split("&")) {
      String[] kv = pair.split("=", 2);
      out.merge(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv[1], StandardCharsets.UTF_8),
          (a, b) -> a + "|" + b);
    }
    return out;
  }

  @Test
  void sendsBasicAuthTenantHeaderAndPathPrefixAsFormPost() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(Canned.json(200, CannedPrometheus.EMPTY_VECTOR))) {
      PrometheusSettings settings =
          fast(server.url("/prometheus/"))
              .withAuth(new Auth.Basic("reader", "s3cret:ü"))
              .withHeaders(Map.of("X-Scope-OrgID", "tenant-1"));
      new PrometheusMetricSource(settings)
          .queryRange(
              "up{a=\"b&c\"}",
              T.minusSeconds(3600),
              T,
              Duration.ofSeconds(15),
              Cancellation.none());
      CannedPrometheus.Received r = server.received().get(0);
      assertThat(r.method()).isEqualTo("POST");
      assertThat(r.path()).isEqualTo("/prometheus/api/v1/query_range");
      assertThat(r.header("Authorization")).isEqualTo("Basic cmVhZGVyOnMzY3JldDrDvA==");
      assertThat(r.header("X-scope-orgid")).isEqualTo("tenant-1");
      assertThat(r.header("Content-type")).isEqualTo("application/x-www-form-urlencoded");
      assertThat(form(r.body()))
          .containsExactly(
              Map.entry("query", "up{a=\"b&c\"}"),
              Map.entry("start", "1795690800.250"),
              Map.entry("end", "1795694400.250"),
              Map.entry("step", "15.000"),
              Map.entry("timeout", "1800ms"));
    }
  }

  @Test
  void sendsBearerToken() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(Canned.json(200, CannedPrometheus.EMPTY_VECTOR))) {
      new PrometheusMetricSource(fast(server.url("")).withAuth(new Auth.Bearer("tok.en-123")))
          .query("up", T, Cancellation.none());
      assertThat(server.received().get(0).header("Authorization")).isEqualTo("Bearer tok.en-123");
      assertThat(server.received().get(0).path()).isEqualTo("/api/v1/query");
    }
  }

  @Test
  void readsNanAndInfinitiesAndScalars() throws Exception {
    String vector =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + "{\"metric\":{\"q\":\"nan\"},\"value\":[1795694400.25,\"NaN\"]},"
            + "{\"metric\":{\"q\":\"pinf\"},\"value\":[1795694400.25,\"+Inf\"]},"
            + "{\"metric\":{\"q\":\"minf\"},\"value\":[1795694400.25,\"-Inf\"]},"
            + "{\"metric\":{\"q\":\"exp\"},\"value\":[1795694400.25,\"1.5e-7\"]}]}}";
    String scalar =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1795694400.001,\"42\"]}}";
    try (CannedPrometheus server =
        new CannedPrometheus(Canned.json(200, vector), Canned.json(200, scalar))) {
      PrometheusMetricSource source = new PrometheusMetricSource(fast(server.url("")));
      List<MetricSeries> v = source.query("x", T, Cancellation.none());
      assertThat(v)
          .extracting(s -> s.points().get(0).value())
          .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5e-7);
      assertThat(v.get(0).points().get(0).time()).isEqualTo(T);
      List<MetricSeries> s = source.query("42", T, Cancellation.none());
      assertThat(s)
          .containsExactly(
              new MetricSeries(
                  Map.of(),
                  List.of(new MetricSeries.Point(Instant.ofEpochMilli(1795694400001L), 42))));
    }
  }

  @Test
  @Fault(Fault.Area.WAITS)
  void retries503And429ThenSucceeds() throws Exception {
    try (CannedPrometheus server =
            new CannedPrometheus(
                new Canned(503, "text/plain", "busy", Map.of()),
                new Canned(429, "text/plain", "slow down", Map.of("Retry-After", "0")),
                Canned.json(200, CannedPrometheus.EMPTY_VECTOR));
        CapturedLog log = CapturedLog.of(PrometheusHttp.class.getName())) {
      assertThat(
              new PrometheusMetricSource(fast(server.url(""))).query("up", T, Cancellation.none()))
          .isEmpty();
      assertThat(server.received()).hasSize(3);
      assertThat(log.lines())
          .containsExactly(
              "INFO Prometheus answered POST /api/v1/query with HTTP 503; attempt 2 in 10 ms",
              "INFO Prometheus answered POST /api/v1/query with HTTP 429; attempt 3 in 20 ms");
    }
  }

  @Test
  void retriesAreBoundedAndProxyErrorPagesSummarised() throws Exception {
    String html =
        "<html><head><title>502 Bad Gateway</title></head><body><h1>nginx</h1></body></html>";
    try (CannedPrometheus server =
        new CannedPrometheus(
            new Canned(503, "text/html", html, Map.of()),
            new Canned(502, "text/html", html, Map.of()))) {
      assertThatThrownBy(
              () ->
                  new PrometheusMetricSource(fast(server.url("")))
                      .query("up", T, Cancellation.none()))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessage(
              "Prometheus "
                  + server.url("")
                  + " answered HTTP 502 (after 2 attempts): 502 Bad Gateway"
                  + " (a proxy or load balancer could not reach Prometheus)\nquery sent: up");
    }
    try (CannedPrometheus server =
        new CannedPrometheus(new Canned(429, "text/plain", "slow down", Map.of()))) {
      assertThatThrownBy(
              () ->
                  new PrometheusMetricSource(fast(server.url("")))
                      .query("up", T, Cancellation.none()))
          .hasMessage(
              "Prometheus "
                  + server.url("")
                  + " answered HTTP 429 (after 4 attempts): slow down\nquery sent: up");
      assertThat(server.received()).hasSize(4);
    }
  }

  @Test
  void prometheusQueryTimeoutIsNotRetried() throws Exception {
    String timeout =
        "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out in expression evaluation\"}";
    try (CannedPrometheus server = new CannedPrometheus(Canned.json(503, timeout))) {
      assertThatThrownBy(
              () ->
                  new PrometheusMetricSource(fast(server.url("")))
                      .query("up", T, Cancellation.none()))
          .hasMessage(
              "Prometheus "
                  + server.url("")
                  + " rejected the query (timeout): query timed out in expression evaluation\nquery sent: up");
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void refusedCredentialsAreAuthErrors() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(new Canned(401, "text/plain", "Unauthorized", Map.of()))) {
      assertThatThrownBy(
              () ->
                  new PrometheusMetricSource(fast(server.url("")).withAuth(new Auth.Bearer("x")))
                      .query("up", T, Cancellation.none()))
          .isInstanceOfSatisfying(
              SourceException.class, e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.AUTH))
          .hasMessage(
              "Prometheus "
                  + server.url("")
                  + " refused the credentials (HTTP 401: Unauthorized);"
                  + " check the profile's auth (bearer is configured) and tenant headers");
    }
  }

  @Test
  void backendWithoutExemplarEndpointGivesNoExemplars() throws Exception {
    try (CannedPrometheus server =
        new CannedPrometheus(new Canned(404, "text/plain", "404 page not found", Map.of()))) {
      assertThat(
              new PrometheusMetricSource(fast(server.url("")))
                  .exemplars("up", T.minusSeconds(60), T, Cancellation.none()))
          .isEmpty();
      assertThat(server.received().get(0).path()).isEqualTo("/api/v1/query_exemplars");
    }
  }

  @Test
  void readsExemplars() throws Exception {
    String body =
        "{\"status\":\"success\",\"data\":[{\"seriesLabels\":{\"service\":\"erp-adapter\"},"
            + "\"exemplars\":[{\"labels\":{\"trace_id\":\"abc\"},\"value\":\"6\",\"timestamp\":1795694400.25}]}]}";
    try (CannedPrometheus server = new CannedPrometheus(Canned.json(200, body))) {
      assertThat(
              new PrometheusMetricSource(fast(server.url("")))
                  .exemplars("up", T.minusSeconds(60), T, Cancellation.none()))
          .containsExactly(
              new org.hopscope.source.MetricSource.Exemplars(
                  Map.of("service", "erp-adapter"),
                  List.of(
                      new org.hopscope.source.MetricSource.Exemplar(
                          Map.of("trace_id", "abc"), T, 6))));
    }
  }

  @Test
  @Fault(Fault.Area.WAITS)
  void cancelAbortsARequestInFlightPromptly() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(silent));
      PrometheusMetricSource source =
          new PrometheusMetricSource(
              PrometheusSettings.of("http://127.0.0.1:" + silent.getLocalPort())
                  .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)));
      Cancellation cancel = new Cancellation();
      CompletableFuture<Object> query =
          CompletableFuture.supplyAsync(() -> source.query("up", T, cancel));
      try (Socket connection = accepted.get(5, TimeUnit.SECONDS)) {
        long start = System.nanoTime();
        cancel.cancel();
        assertThatThrownBy(() -> query.get(2, TimeUnit.SECONDS))
            .hasCauseInstanceOf(Cancellation.CancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
      }
    }
  }

  @Test
  @Fault(Fault.Area.WAITS)
  void silentServerTimesOutAsUnreachable() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> accept(silent));
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      PrometheusMetricSource source =
          new PrometheusMetricSource(
              PrometheusSettings.of(url)
                  .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)));
      long start = System.nanoTime();
      assertThatThrownBy(() -> source.query("up", T, Cancellation.none()))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
          .hasMessage(
              "Prometheus "
                  + url
                  + " did not answer within 500 ms (request timeout); check that Prometheus is"
                  + " healthy, narrow the time range or raise the timeout (requestTimeout in the"
                  + " profile, HOPSCOPE_PROMETHEUS_REQUEST_TIMEOUT)");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
      accepted.get(1, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void settingsRefuseCredentialsInTheUrlAndRestrictedHeaders() {
    assertThatThrownBy(() -> PrometheusSettings.of("https://u:p@host/prometheus"))
        .hasMessage(
            "Prometheus URL must not carry credentials; set auth basic (user, password) instead");
    assertThatThrownBy(
            () -> PrometheusSettings.of("http://host").withHeaders(Map.of("Authorization", "x")))
        .hasMessage(
            "header 'Authorization' cannot be set as an extra header; use auth for credentials");
    assertThat(PrometheusSettings.of("https://host/prometheus/").url())
        .hasToString("https://host/prometheus");
    assertThat(new Auth.Basic("u", "secret").toString()).doesNotContain("secret");
  }

  private static Socket accept(ServerSocket server) {
    try {
      return server.accept();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
