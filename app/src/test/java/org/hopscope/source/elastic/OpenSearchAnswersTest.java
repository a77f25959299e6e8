package org.hopscope.source.elastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyScan;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Answers only OpenSearch gives, scripted as OpenSearch 2.19.4 sent them: an empty composite page
 * under {@code filter_path=-**.value_as_string} comes without the aggregation at all.
 */
class OpenSearchAnswersTest {

  private static final String OPENSEARCH_MAIN =
      "{\"name\":\"n\",\"cluster_name\":\"c\",\"version\":{\"distribution\":\"opensearch\","
          + "\"number\":\"2.19.4\"},\"tagline\":\"The OpenSearch Project\"}";

  /** An empty window's scan page as OpenSearch 2.19.4 answered it under the scan's filter_path. */
  private static final String EMPTY_PAGE_FILTERED =
      "{\"took\":8,\"timed_out\":false,\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,"
          + "\"failed\":0},\"hits\":{\"total\":{\"value\":0,\"relation\":\"eq\"},"
          + "\"max_score\":null}}";

  private HttpServer server;
  private final Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String product;

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
    String path = exchange.getRequestURI().getPath();
    requests.add(exchange.getRequestMethod() + " " + path);
    exchange.getRequestBody().readAllBytes();
    String body = path.equals("/") ? answers.get("/") : answers.get("search");
    byte[] bytes = (body == null ? "{}" : body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    if (product != null) {
      exchange.getResponseHeaders().add("X-Elastic-Product", product);
    }
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private EventSource.KeyCursor scan(ElasticConnection c) {
    KeyScan scan =
        new KeyScan(
            List.of("gateway-access-*"),
            FieldPath.parse("x_correlation_id"),
            FieldPath.parse("@timestamp"),
            TimestampFormat.ISO,
            new TimeWindow(
                Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T11:00:00Z")),
            List.of(),
            List.of());
    return new KeyScanCursor(c, scan, 10_000, Cancellation.none());
  }

  private ElasticConnection connect() {
    return ElasticConnection.open(
        ElasticSettings.of("http://127.0.0.1:" + server.getAddress().getPort()).withMaxAttempts(1));
  }

  @Test
  void anEmptyScanPageThatOpenSearchFilteredAwayIsEmpty() {
    answers.put("/", OPENSEARCH_MAIN);
    answers.put("search", EMPTY_PAGE_FILTERED);
    try (ElasticConnection c = connect()) {
      EventSource.KeyCursor cursor = scan(c);
      assertThat(cursor.next()).isEmpty();
      assertThat(cursor.next()).isEmpty();
    }
    // the engine is asked once, only when the answer lacks the aggregation
    assertThat(requests).containsExactly("POST /gateway-access-*/_search", "GET /");
  }

  @Test
  void theSameAnswerFromElasticsearchIsOfTheWrongShape() {
    product = "Elasticsearch";
    answers.put("/", "{\"cluster_name\":\"c\",\"version\":{\"number\":\"8.19.21\"}}");
    answers.put("search", EMPTY_PAGE_FILTERED);
    String url = "http://127.0.0.1:" + server.getAddress().getPort();
    try (ElasticConnection c = connect()) {
      assertThatThrownBy(() -> scan(c).next())
          .isInstanceOf(SourceException.class)
          .hasMessage(
              "Elasticsearch at "
                  + url
                  + " answered the scan of [gateway-access-*] by x_correlation_id without the"
                  + " aggregation keys; expected its composite buckets (one per key). Check that"
                  + " the URL is an Elasticsearch (8.x/9.x) or OpenSearch (2.x) cluster, not a"
                  + " proxy or another service.");
    }
  }

  @Test
  void whenTheEngineCannotBeToldTheAnswerStaysOfTheWrongShape() {
    answers.put("/", "{\"status\":\"ok\"}"); // not a search engine's GET /
    answers.put("search", EMPTY_PAGE_FILTERED);
    try (ElasticConnection c = connect()) {
      assertThatThrownBy(() -> scan(c).next())
          .isInstanceOf(SourceException.class)
          .hasMessageContaining("without the aggregation keys");
    }
  }
}
