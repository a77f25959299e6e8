package org.hopscope.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;

/** Read-only questions to the sandbox's Elasticsearch: health, version, document count. */
final class ClusterFacts {

  private final EsEndpoint endpoint;
  private final HttpClient client;
  private final ObjectMapper json = new ObjectMapper();

  ClusterFacts(EsEndpoint endpoint) {
    this.endpoint = endpoint;
    this.client = endpoint.newClient();
  }

  /** GET {@code path} as JSON, or empty when the node does not answer 200. */
  Optional<JsonNode> get(String path) {
    try {
      HttpResponse<String> r =
          client.send(
              endpoint.request(path).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? Optional.of(json.readTree(r.body())) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while calling " + endpoint.url() + path, e);
    }
  }

  /**
   * The version number the node reports, if it answers. Asks {@code /_nodes/_local}: {@code GET /}
   * is served by the module {@code rest-root}, which this distribution lacks.
   */
  Optional<String> version() {
    return get("/_nodes/_local?filter_path=nodes.*.version")
        .flatMap(
            n ->
                StreamSupport.stream(n.path("nodes").spliterator(), false)
                    .map(node -> node.path("version").asText(null))
                    .filter(Objects::nonNull)
                    .findFirst());
  }

  /** Number of documents over all non-system, non-hidden indices, if the node answers. */
  OptionalLong documentCount() {
    return get("/_count")
        .map(n -> OptionalLong.of(n.path("count").asLong()))
        .orElse(OptionalLong.empty());
  }
}
