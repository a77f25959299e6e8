package org.hopscope.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link PrometheusNode#replaceHistory}: blocks made by promtool become queryable history. */
class PrometheusHistoryTest {

  private static final Path DIR = Path.of("target", "it-history").toAbsolutePath();
  private static final SandboxConfig CONFIG =
      new SandboxConfig(DIR, "127.0.0.1", 19237, 19335, 19336);

  private final PrometheusNode prometheus =
      new PrometheusNode(CONFIG, new PrintStream(PrintStream.nullOutputStream()));

  @AfterEach
  void stop() {
    prometheus.stop();
  }

  @Test
  void replacesTheWholeHistoryWithTheGivenBlocks() throws Exception {
    long at = Instant.now().minusSeconds(3600).getEpochSecond();
    prometheus.replaceHistory(blocks("first", "sandbox_history_first", at, 41));
    assertThat(prometheus.isReady()).isTrue();
    assertThat(valueAt("sandbox_history_first", at)).isEqualTo("41");

    prometheus.replaceHistory(blocks("second", "sandbox_history_second", at, 42));
    assertThat(valueAt("sandbox_history_second", at)).isEqualTo("42");
    assertThat(valueAt("sandbox_history_first", at)).as("old history wiped").isNull();
    try (var children = Files.list(prometheus.tsdb())) {
      assertThat(children.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.matches("[0-9A-HJKMNP-TV-Z]{26}"));
    }
  }

  /** One sample of {@code metric} at {@code epochSeconds}, as TSDB blocks in a fresh folder. */
  private static Path blocks(String name, String metric, long epochSeconds, int value)
      throws Exception {
    Path work = DIR.resolve("backfill-" + name);
    Tree.delete(work);
    Files.createDirectories(work);
    Path om = work.resolve("history.om");
    Files.writeString(
        om,
        "# TYPE "
            + metric
            + " gauge\n"
            + metric
            + "{job=\"orders-sandbox\",instance=\"sandbox\"} "
            + value
            + " "
            + epochSeconds
            + "\n# EOF\n");
    Path out = work.resolve("blocks");
    ToolRun.of(
            List.of(
                PrometheusBinary.find().promtool().toString(),
                "tsdb",
                "create-blocks-from",
                "openmetrics",
                om.toString(),
                out.toString()))
        .output();
    return out;
  }

  private static String valueAt(String metric, long epochSeconds) throws Exception {
    String url =
        CONFIG.prometheusUrl()
            + "/api/v1/query?time="
            + epochSeconds
            + "&query="
            + URLEncoder.encode(
                metric + "{job=\"orders-sandbox\",instance=\"sandbox\"}", StandardCharsets.UTF_8);
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode result = new ObjectMapper().readTree(r.body()).path("data").path("result");
    return result.isEmpty() ? null : result.get(0).path("value").get(1).asText();
  }
}
