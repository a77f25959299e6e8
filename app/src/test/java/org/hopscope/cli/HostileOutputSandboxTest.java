package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hopscope.faults.Fault;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message ID and log line carrying terminal escapes, stored in the sandbox's real Elasticsearch
 * (a dedicated index of this test): {@code flow} shows them escaped, {@code flow --json} exact.
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Fault(Fault.Area.HOSTILE_DATA)
class HostileOutputSandboxTest {

  private static final String INDEX = "hopscope-hostile-test-1";

  /** Clears the screen, homes the cursor, forges a row, rings, rewrites, reverses. */
  static final String ID = "ord-\u001b[2J\u001b[H\u0007\r\nALL CLEAR\u202E\u009b31m-1";

  static final String MESSAGE = "payment ok\u001b]0;pwned\u0007\rALL CLEAR\ngateway OK 0 0 0";

  @TempDir Path paths;
  private String es;

  @BeforeAll
  void hostileDocument(TestSandbox sandbox) throws Exception {
    es = sandbox.state().elasticsearchUrl();
    String doc =
        "{\"@timestamp\":\"2026-11-26T02:00:00Z\",\"id\":"
            + TinyPath.quoted(ID)
            + ",\"message\":"
            + TinyPath.quoted(MESSAGE)
            + "}";
    send("DELETE", "/" + INDEX + "?ignore_unavailable=true", null);
    send(
        "PUT",
        "/" + INDEX,
        // no replica: a single-node sandbox stays green for the tests that check its health
        "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
            + "\"mappings\":{\"properties\":{\"@timestamp\":{\"type\":\"date\"},"
            + "\"id\":{\"type\":\"keyword\"},\"message\":{\"type\":\"text\"}}}}");
    send("PUT", "/" + INDEX + "/_doc/hostile-1?refresh=true", doc);
  }

  @AfterAll
  void removeTheHostileIndex() throws Exception {
    send("DELETE", "/" + INDEX, null);
  }

  private void send(String method, String path, String body) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(es + path))
                    .header("Content-Type", "application/json")
                    .method(
                        method,
                        body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isIn(200, 201);
  }

  private CliRun flow(String... extra) throws IOException {
    Files.writeString(
        paths.resolve("hostile.yaml"),
        """
        path: hostile
        hops:
          - name: gateway
            sources:
              - index: hopscope-hostile-test-*
                kind: log
                fields:
                  timestamp: "@timestamp"
                  messageId: [id]
                  message: message
        """);
    String[] args = {
      "flow",
      "--path",
      "hostile",
      "--id",
      ID,
      "--es",
      es,
      "--no-metrics",
      "--paths-dir",
      paths.toString(),
      "--from",
      TinyPath.FROM,
      "--to",
      TinyPath.TO
    };
    String[] all = new String[args.length + extra.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CliRun.run(all);
  }

  @Test
  void humanOutputShowsTheEscapesAndNoRawControl() throws IOException {
    CliRun run = flow();
    assertThat(run.exitCode).as(run.toString()).isZero();
    assertThat(
            run.out
                .chars()
                .filter(c -> c < 0x20 && c != '\n' || c == 0x7F || c >= 0x80 && c < 0xA0))
        .as(run.toString())
        .isEmpty();
    assertThat(run.out).doesNotContain("\u202E");
    assertThat(run.out.lines()).noneMatch(l -> l.startsWith("ALL CLEAR"));
    // the headline first, then the path line with the (escaped) ID
    assertThat(run.out.lines().findFirst().orElseThrow())
        .isEqualTo("OK - passed all 1 hop in 0 ms");
    assertThat(run.out.lines().skip(1).findFirst().orElseThrow())
        .isEqualTo("hostile  ord-\\e[2J\\e[H\\x07\\r\\nALL CLEAR\\u202E\\x9B31m-1  OK");
    assertThat(run.out.lines().filter(l -> l.startsWith("gateway "))).hasSize(1);
    assertThat(run.out.lines().count()).isEqualTo(4);
  }

  @Test
  void jsonOutputIsExact() throws IOException {
    CliRun run = flow("--json");
    assertThat(run.exitCode).as(run.toString()).isZero();
    JsonNode flow = new ObjectMapper().readTree(run.out);
    assertThat(flow.path("query").asText()).isEqualTo(ID);
    assertThat(flow.path("ids").get(0).asText()).isEqualTo(ID);
    assertThat(run.out).contains("\u202E").contains("\u009b");
    assertThat(run.out)
        .contains(
            MESSAGE
                .replace("\u001b", "\\u001B")
                .replace("\u0007", "\\u0007")
                .replace("\r", "\\r")
                .replace("\n", "\\n"));
  }
}
