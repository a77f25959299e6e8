package org.hopscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A one-hop path definition ({@code tiny}: index {@code tiny-*}, one panel) for commands run
 * against fake backends, and the Elasticsearch answers that find its one message.
 */
final class TinyPath {

  static final String NAME = "tiny";
  static final String FROM = "2026-11-26T01:00:00Z";
  static final String TO = "2026-11-26T03:00:00Z";

  private TinyPath() {}

  /** Writes {@code tiny.yaml} into {@code dir}; returns {@code dir}. */
  static Path write(Path dir) {
    try {
      Files.writeString(
          dir.resolve("tiny.yaml"),
          """
          path: tiny
          hops:
            - name: gateway
              sources:
                - index: tiny-*
                  kind: log
                  fields:
                    timestamp: "@timestamp"
                    messageId: [id]
                    message: message
                  failure:
                    - {field: level, in: [ERROR]}
              panels:
                - title: Requests/s
                  promql: sum(rate(http_requests_total[$rate]))
          """);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An {@code _msearch} answer to {@code body}: each search finds {@code hit} (a {@code _source}
   * JSON object, or null for none); the index probe's searches find nothing.
   */
  static String msearch(String body, String hit) {
    StringBuilder out = new StringBuilder("{\"took\":1,\"responses\":[");
    String[] lines = body.split("\n");
    for (int i = 1; i < lines.length; i += 2) {
      boolean probe = lines[i].contains("terminate_after");
      String hits =
          probe || hit == null
              ? "[]"
              : "[{\"_index\":\"tiny-1\",\"_id\":\"d1\",\"_source\":"
                  + hit
                  + ",\"sort\":[1795654800000,0]}]";
      out.append(i > 1 ? "," : "")
          .append("{\"took\":1,\"timed_out\":false,")
          .append("\"_shards\":{\"total\":1,\"successful\":1,\"skipped\":0,\"failed\":0},")
          .append("\"hits\":{\"total\":{\"value\":")
          .append(hits.equals("[]") ? 0 : 1)
          .append(",\"relation\":\"eq\"},\"hits\":")
          .append(hits)
          .append("},\"status\":200}");
    }
    return out.append("]}").toString();
  }

  /** The document of message {@code id} at 02:00 with {@code message}, as JSON. */
  static String document(String id, String message) {
    return "{\"@timestamp\":\"2026-11-26T02:00:00Z\",\"id\":"
        + quoted(id)
        + ",\"message\":"
        + quoted(message)
        + "}";
  }

  static String quoted(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
