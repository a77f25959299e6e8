package org.hopscope.source.elastic;

import java.util.List;

/**
 * What "test connection" shows about a cluster.
 *
 * @param product {@code Elasticsearch} or {@code OpenSearch}: the engine that answered ({@code
 *     Elasticsearch} also when only its product header told, with the version then from {@code
 *     _nodes})
 * @param clusterName the cluster's name, or null when it could not be read
 * @param version the engine's version of the node answering, or null when not readable
 * @param health {@code green}, {@code yellow}, {@code red}, or null when not readable
 * @param notes why something is missing (e.g. the user may not read cluster health)
 */
public record ClusterInfo(
    String product, String clusterName, String version, String health, List<String> notes) {
  public ClusterInfo {
    notes = List.copyOf(notes);
  }
}
