package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hopscope.model.connection.Auth;
import org.hopscope.oncall.CapturedLog;
import org.hopscope.source.Cancellation;
import org.hopscope.source.FindResult;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SampleTooLargeException;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Retry with backoff on 429/503, and error answers, through the real client against a scripted HTTP
 * server on loopback (Elasticsearch cannot be made to answer 429 on demand).
 */
class ElasticRetryTest {

  private static final String EMPTY_MSEARCH =
      "{\"took\":1,\"responses\":[{\"took\":1,\"timed_out\":false,\"_shards\":{\"total\":1,"
          + "\"successful\":1,\"skipped\":0,\"failed\":0},\"hits\":{\"total\":{\"value\":0,"
          + "\"relation\":\"eq\"},\"max_score\":null,\"hits\":[]},\"status\":200}]}";

  private HttpServer server;
  private final List<Answer> script = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> authorization = new CopyOnWriteArrayList<>();

  private record Answer(int status, String body) {}

  /** The X-Elastic-Product header of every answer; null: none (OpenSearch sends none). */
  private volatile String product = "Elasticsearch";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
    exchange.getRequestBody().readAllBytes();
    authorization.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
    Answer a = script.isEmpty() ? new Answer(500, "{}") : script.remove(0);
    byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (product != null) {
      exchange.getResponseHeaders().add("X-Elastic-Product", product);
    }
    exchange.sendResponseHeaders(a.status(), body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** Finds message ord-1 at the first hop source only: one search in one _msearch. */
  private static FindResult findOrd1(ElasticEventSource source) {
    return source.find(
        SeededOrders.byMessageId(Set.of("ord-1")).subList(0, 1), null, 10, Cancellation.none());
  }

  private ElasticConnection connect(int attempts) {
    return connect(attempts, new Auth.None());
  }

  private ElasticConnection connect(int attempts, Auth auth) {
    ElasticSettings plain =
        ElasticSettings.of("http://127.0.0.1:" + server.getAddress().getPort()).withAuth(auth);
    ElasticSettings settings =
        plain.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)).withMaxAttempts(attempts);
    return ElasticConnection.open(
        settings, new Backoff(Duration.ofMillis(5), Duration.ofMillis(20), () -> 0.5));
  }

  private static String error(int status, String type, String reason) {
    return "{\"error\":{\"root_cause\":[{\"type\":\""
        + type
        + "\",\"reason\":\""
        + reason
        + "\"}],\"type\":\""
        + type
        + "\",\"reason\":\""
        + reason
        + "\"},\"status\":"
        + status
        + "}";
  }

  @Test
  void overloadedAnswersAreRetriedUntilOneSucceeds() {
    script.add(new Answer(429, error(429, "es_rejected_execution_exception", "queue full")));
    script.add(new Answer(503, error(503, "unavailable_shards_exception", "no shard")));
    script.add(new Answer(200, EMPTY_MSEARCH));
    try (ElasticEventSource source = new ElasticEventSource(connect(4));
        CapturedLog log = CapturedLog.of(Backoff.class.getName())) {
      var result = findOrd1(source);
      assertThat(result.events()).isEmpty();
      // jitter 0.5: waits of 5 ms * 0.75 and 10 ms * 0.75
      assertThat(log.lines())
          .hasSize(2)
          .satisfiesExactly(
              first ->
                  assertThat(first)
                      .startsWith("INFO Elasticsearch answered the search of ")
                      .endsWith(" with HTTP 429; attempt 2 in 3 ms"),
              second -> assertThat(second).endsWith(" with HTTP 503; attempt 3 in 7 ms"));
    }
    assertThat(requests).containsExactly("POST /_msearch", "POST /_msearch", "POST /_msearch");
  }

  @Test
  void tooManyBucketsIsNotRetriedAndSaysWhyEvenBehindAnEmptyReason() {
    // OpenSearch 2.19 answers so, with 503; Elasticsearch the same body with 400
    script.add(
        new Answer(
            503,
            "{\"error\":{\"root_cause\":[],\"type\":\"search_phase_execution_exception\","
                + "\"reason\":\"\",\"phase\":\"fetch\",\"grouped\":true,\"failed_shards\":[],"
                + "\"caused_by\":{\"type\":\"too_many_buckets_exception\",\"reason\":\"Trying"
                + " to create too many buckets. Must be less than or equal to: [65535] but was"
                + " [65536].\",\"max_buckets\":65535}},\"status\":503}"));
    KeyScan scan = KeySampleReadTest.scan("id");
    try (ElasticEventSource source = new ElasticEventSource(connect(4))) {
      assertThatThrownBy(() -> source.sample(scan, 0, 4, 60_000, Cancellation.none()))
          .isInstanceOf(SampleTooLargeException.class)
          .hasMessageContaining(
              "(503 search_phase_execution_exception: too_many_buckets_exception: Trying to"
                  + " create too many buckets. Must be less than or equal to: [65535] but was"
                  + " [65536].)");
    }
    assertThat(requests).containsExactly("POST /logs-*/_search");
  }

  @Test
  void attemptsAreBoundedAndTheLastAnswerIsReported() {
    for (int i = 0; i < 3; i++) {
      script.add(new Answer(429, error(429, "es_rejected_execution_exception", "queue full")));
    }
    try (ElasticEventSource source = new ElasticEventSource(connect(2))) {
      assertThatThrownBy(() -> findOrd1(source))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(SourceException.Kind.REJECTED);
                assertThat(e.getMessage())
                    .contains("http://127.0.0.1:" + server.getAddress().getPort())
                    .contains("429 es_rejected_execution_exception: queue full")
                    .contains("try again in a moment");
              });
    }
    assertThat(requests).hasSize(2);
  }

  @Test
  void backoffGrowsExponentiallyWithJitterUpToTheCap() {
    List<Long> delays = new ArrayList<>();
    Backoff half = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), () -> 0.0);
    Backoff full = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), () -> 0.999);
    for (int attempt = 1; attempt <= 7; attempt++) {
      delays.add(half.delay(attempt).toMillis());
    }
    assertThat(delays).containsExactly(100L, 200L, 400L, 800L, 1600L, 2500L, 2500L);
    assertThat(full.delay(3).toMillis()).isEqualTo(799L);
  }

  @Test
  void aRejectedSearchNamesIndexHopTypeAndReason() {
    script.add(
        new Answer(
            200,
            "{\"took\":1,\"responses\":[{\"error\":{\"root_cause\":[{\"type\":"
                + "\"query_shard_exception\",\"reason\":\"failed to create query\"}],"
                + "\"type\":\"search_phase_execution_exception\",\"reason\":\"all shards failed\"},"
                + "\"status\":400}]}"));
    try (ElasticEventSource source = new ElasticEventSource(connect(4))) {
      assertThatThrownBy(() -> findOrd1(source))
          .isInstanceOfSatisfying(
              SourceException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(SourceException.Kind.REJECTED);
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Elasticsearch at http://127.0.0.1:"
                            + server.getAddress().getPort()
                            + " rejected the search of gateway-access-* (hop api-gateway) (400"
                            + " search_phase_execution_exception: failed to create query). Check"
                            + " the index patterns and field names of the path definition.");
              });
    }
  }

  @Test
  void infoFallsBackWhenNodesAreForbidden() {
    script.add(
        new Answer(
            403,
            error(
                403, "security_exception", "action [cluster:monitor/nodes/info] is unauthorized")));
    // the minimal distribution has no GET / handler; its product header still names the engine
    script.add(new Answer(405, "{\"error\":\"Incorrect HTTP method for uri [/]\",\"status\":405}"));
    script.add(new Answer(200, "{\"cluster_name\":\"prod\",\"status\":\"yellow\"}"));
    try (ElasticConnection c = connect(4)) {
      ClusterInfo info = c.info(Cancellation.none());
      assertThat(info.product()).isEqualTo("Elasticsearch");
      assertThat(info.clusterName()).isEqualTo("prod");
      assertThat(info.health()).isEqualTo("yellow");
      assertThat(info.version()).isNull();
      assertThat(info.notes()).hasSize(1);
      assertThat(info.notes().get(0))
          .startsWith("GET /_nodes/_local?filter_path=cluster_name,nodes.*.version answered 403");
    }
    assertThat(requests).containsExactly("GET /_nodes/_local", "GET /", "GET /_cluster/health");
  }

  @Test
  void infoNamesOpenSearchByItsDistributionAndAsksGetRootOncePerConnection() {
    product = null;
    script.add(
        new Answer(200, "{\"cluster_name\":\"c\",\"nodes\":{\"n\":{\"version\":\"2.19.4\"}}}"));
    script.add(
        new Answer(
            200,
            "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"distribution\":"
                + "\"opensearch\",\"number\":\"2.19.4\"}}"));
    script.add(new Answer(200, "{\"status\":\"green\"}"));
    script.add(
        new Answer(200, "{\"cluster_name\":\"c\",\"nodes\":{\"n\":{\"version\":\"2.19.4\"}}}"));
    script.add(new Answer(200, "{\"status\":\"green\"}"));
    try (ElasticConnection c = connect(1)) {
      assertThat(c.info(Cancellation.none()))
          .isEqualTo(new ClusterInfo("OpenSearch", "c", "2.19.4", "green", List.of()));
      assertThat(c.identity(Cancellation.none()).dialect()).isEqualTo(SearchDialect.OPENSEARCH);
      assertThat(c.info(Cancellation.none()).product()).isEqualTo("OpenSearch");
    }
    assertThat(requests)
        .containsExactly(
            "GET /_nodes/_local",
            "GET /",
            "GET /_cluster/health",
            "GET /_nodes/_local",
            "GET /_cluster/health");
  }

  @Test
  void anEngineThatRefusesGetRootWithoutTheElasticProductHeaderCannotBeTold() {
    product = null;
    script.add(
        new Answer(
            403, error(403, "security_exception", "no permissions for [cluster:monitor/main]")));
    try (ElasticConnection c = connect(1)) {
      assertThatThrownBy(() -> c.identity(Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Elasticsearch at http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + " denied GET / (403 security_exception: no permissions for"
                  + " [cluster:monitor/main]). The user needs read access (privileges read,"
                  + " view_index_metadata) to these indices. Hopscope asks GET / to tell"
                  + " Elasticsearch from OpenSearch: grant the user the cluster privilege monitor"
                  + " (Elasticsearch) or cluster:monitor/main (OpenSearch).");
    }
  }

  @Test
  void anUnsupportedVersionIsNamedByTestConnection() {
    script.add(
        new Answer(200, "{\"cluster_name\":\"c\",\"nodes\":{\"n\":{\"version\":\"7.17.25\"}}}"));
    script.add(new Answer(405, "{\"error\":\"Incorrect HTTP method for uri [/]\",\"status\":405}"));
    try (ElasticConnection c = connect(1)) {
      assertThatThrownBy(() -> c.info(Cancellation.none()))
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Elasticsearch 7.17.25 at http://127.0.0.1:"
                  + server.getAddress().getPort()
                  + " is not supported: Hopscope reads from Elasticsearch 8.x/9.x and OpenSearch"
                  + " 2.x. Connect the profile to a supported cluster (see"
                  + " docs/connection-profiles.md).");
    }
  }

  /**
   * API keys cannot be made on the minimal distribution (its security index needs the
   * analysis-common module), so the header is checked here; basic and bearer auth are also checked
   * against real security in {@link ElasticSecurityTest}.
   */
  @Test
  void everyAuthKindSendsItsAuthorizationHeader() {
    List<Auth> auths =
        List.of(
            new Auth.None(),
            new Auth.Basic("reader", "p\u00e4ss:word"),
            new Auth.ApiKey("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="),
            new Auth.ApiKey("VuaCfGcBCdbkQm-e5aOx:ui2lp2axTNmsyakw9tvNnw"),
            new Auth.Bearer("AAEAAWVsYXN0aWM"));
    for (Auth auth : auths) {
      script.add(
          new Answer(200, "{\"cluster_name\":\"c\",\"nodes\":{\"n\":{\"version\":\"8.19.21\"}}}"));
      script.add(new Answer(200, "{\"cluster_name\":\"c\",\"version\":{\"number\":\"8.19.21\"}}"));
      script.add(new Answer(200, "{\"status\":\"green\"}"));
      try (ElasticConnection c = connect(1, auth)) {
        assertThat(c.info(Cancellation.none()).version()).isEqualTo("8.19.21");
      }
    }
    assertThat(authorization)
        .containsExactly(
            "null",
            "null",
            "null",
            "Basic cmVhZGVyOnDDpHNzOndvcmQ=",
            "Basic cmVhZGVyOnDDpHNzOndvcmQ=",
            "Basic cmVhZGVyOnDDpHNzOndvcmQ=",
            "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            "ApiKey VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw==",
            "Bearer AAEAAWVsYXN0aWM",
            "Bearer AAEAAWVsYXN0aWM",
            "Bearer AAEAAWVsYXN0aWM");
    assertThat(new Auth.Basic("u", "secret").toString()).doesNotContain("secret");
  }
}
