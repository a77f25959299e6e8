package org.hopscope.source.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;

/**
 * Asks a cluster about itself: which engine and version it is ({@code GET /}, once per connection,
 * {@link ElasticConnection#identity}) and, for "Test connection", its name, version and health.
 */
final class ClusterFacts {

  private static final String MAIN = "/";
  private static final String NODES = "/_nodes/_local?filter_path=cluster_name,nodes.*.version";
  private static final String HEALTH = "/_cluster/health?filter_path=status,cluster_name";

  private ClusterFacts() {}

  /**
   * Which engine answers at the connection's URL: its {@code GET /}; when that is refused (the user
   * lacks the cluster privilege {@code monitor}, or the minimal distribution has no handler for it
   * and answers 405), an {@code X-Elastic-Product: Elasticsearch} header on the refusal still tells
   * Elasticsearch (7.14 and later send it on every answer; OpenSearch never does).
   *
   * @throws SourceException when it cannot be told, or the engine's version is not supported
   */
  static ClusterIdentity identify(ElasticConnection connection, Cancellation cancel) {
    try {
      return ClusterIdentity.of(main(connection, cancel), connection.url());
    } catch (SourceException e) {
      if (!refused(e)) {
        throw e;
      }
      return byHeader(e);
    }
  }

  /**
   * "Test connection": engine, version and health. Reads {@code /_nodes/_local}, the engine ({@link
   * ElasticConnection#identity}: {@code GET /}, which also gives the version when {@code _nodes} is
   * refused) and {@code /_cluster/health}; what the user may not read is left null with a note.
   *
   * @throws SourceException when the cluster is unreachable, refuses the credentials, or is not a
   *     supported engine
   */
  static ClusterInfo info(ElasticConnection connection, Cancellation cancel) {
    List<String> notes = new ArrayList<>();
    String name = null;
    String version = null;
    JsonNode nodes = optional(connection, NODES, notes, cancel);
    if (nodes != null) {
      name = nodes.path("cluster_name").asText(null);
      var it = nodes.path("nodes").elements();
      version = it.hasNext() ? it.next().path("version").asText(null) : null;
    }
    ClusterIdentity identity = connection.identity(cancel);
    if (identity.version() == null) { // known by its header: _nodes may still tell an old version
      new ClusterIdentity(identity.dialect(), version, name).requireSupported(connection.url());
    }
    version = version == null ? identity.version() : version;
    name = name == null ? identity.clusterName() : name;
    String health = null;
    JsonNode h = optional(connection, HEALTH, notes, cancel);
    if (h != null) {
      health = h.path("status").asText(null);
      name = name == null ? h.path("cluster_name").asText(null) : name;
    }
    return new ClusterInfo(identity.dialect().product(), name, version, health, notes);
  }

  private static JsonNode main(ElasticConnection connection, Cancellation cancel) {
    return connection.call(
        "GET " + MAIN, () -> connection.get(MAIN, connection.json()::readTree), r -> false, cancel);
  }

  private static JsonNode optional(
      ElasticConnection connection, String endpoint, List<String> notes, Cancellation cancel) {
    try {
      return connection.call(
          "GET " + endpoint,
          () -> connection.get(endpoint, connection.json()::readTree),
          r -> false,
          cancel);
    } catch (SourceException e) {
      int status = ElasticErrors.status(e.getCause());
      if (status == 401 || e.kind() == SourceException.Kind.UNREACHABLE) {
        throw e;
      }
      notes.add(note(endpoint, e));
      return null;
    }
  }

  private static String note(String endpoint, SourceException e) {
    return "GET "
        + endpoint
        + " answered "
        + ElasticErrors.status(e.getCause())
        + ": "
        + e.getMessage();
  }

  /** Whether the cluster answered with an HTTP refusal of this one request (not 401). */
  private static boolean refused(SourceException e) {
    int status = ElasticErrors.status(e.getCause());
    return status != 401 && status != 0 && e.kind() != SourceException.Kind.UNREACHABLE;
  }

  /** Elasticsearch when its refusal {@code e} carries its product header; else a named failure. */
  private static ClusterIdentity byHeader(SourceException e) {
    if (ElasticErrors.fromElasticsearch(e.getCause())) {
      return ClusterIdentity.elasticsearchByHeader();
    }
    throw unknown(e);
  }

  private static SourceException unknown(SourceException e) {
    return new SourceException(
        e.source(),
        SourceException.Kind.REJECTED,
        e.getMessage()
            + " Hopscope asks GET / to tell Elasticsearch from OpenSearch: grant the user the"
            + " cluster privilege monitor (Elasticsearch) or cluster:monitor/main (OpenSearch).",
        e.getCause());
  }
}
