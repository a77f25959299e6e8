package org.hopscope.source.elastic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.hopscope.source.SourceException;

/**
 * Which search engine answers at a URL, as its {@code GET /} says: {@code version.distribution}
 * {@code opensearch} is OpenSearch, no distribution is Elasticsearch. Hopscope reads from
 * Elasticsearch 8 and later and OpenSearch 2 and later (ADR 0031); older versions are refused with
 * a message naming them.
 *
 * @param dialect how requests differ on this engine
 * @param version the version number, e.g. {@code 8.19.21} or {@code 2.19.4}; null when the cluster
 *     did not say (Elasticsearch recognised only by its {@code X-Elastic-Product} header)
 * @param clusterName the cluster's name, or null when it did not say
 */
record ClusterIdentity(SearchDialect dialect, String version, String clusterName) {

  /** Oldest major version read from, per engine. */
  static final int ELASTICSEARCH_MAJOR = 8;

  static final int OPENSEARCH_MAJOR = 2;

  /** E.g. {@code OpenSearch 2.19.4}, or {@code Elasticsearch} when the version is unknown. */
  String describe() {
    return version == null ? dialect.product() : dialect.product() + " " + version;
  }

  /**
   * Reads the answer to {@code GET /}.
   *
   * @throws SourceException when it is not the answer of a search engine, or of an unsupported
   *     version (naming it)
   */
  static ClusterIdentity of(JsonNode main, String url) {
    JsonNode version = main.path("version");
    String number = version.path("number").isTextual() ? version.path("number").asText() : null;
    if (number == null) {
      throw WrongAnswer.of(
          url,
          "GET /",
          "without version.number (" + WrongAnswer.shown(main) + ")",
          "the cluster's name and version");
    }
    String distribution = version.path("distribution").asText("");
    SearchDialect dialect =
        "opensearch".equalsIgnoreCase(distribution)
            ? SearchDialect.OPENSEARCH
            : SearchDialect.ELASTICSEARCH;
    return new ClusterIdentity(dialect, number, main.path("cluster_name").asText(null))
        .requireSupported(url);
  }

  /**
   * This identity, when its version is supported or unknown.
   *
   * @throws SourceException naming the engine, its version and the supported ones, when not
   */
  ClusterIdentity requireSupported(String url) {
    if (version == null) {
      return this;
    }
    int oldest = dialect == SearchDialect.OPENSEARCH ? OPENSEARCH_MAJOR : ELASTICSEARCH_MAJOR;
    Optional<Integer> major = major(version);
    if (major.isEmpty() || major.get() < oldest) {
      throw unsupported(this, url);
    }
    return this;
  }

  /** An Elasticsearch known only by its product header (its {@code GET /} was refused). */
  static ClusterIdentity elasticsearchByHeader() {
    return new ClusterIdentity(SearchDialect.ELASTICSEARCH, null, null);
  }

  private static Optional<Integer> major(String number) {
    int dot = number.indexOf('.');
    try {
      return Optional.of(Integer.parseInt(dot < 0 ? number : number.substring(0, dot)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static SourceException unsupported(ClusterIdentity identity, String url) {
    return new SourceException(
        ElasticErrors.SOURCE,
        SourceException.Kind.REJECTED,
        identity.describe()
            + " at "
            + url
            + " is not supported: Hopscope reads from Elasticsearch 8.x/9.x and OpenSearch 2.x."
            + " Connect the profile to a supported cluster (see docs/connection-profiles.md).",
        null);
  }
}
