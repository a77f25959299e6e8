package org.hopscope.sandbox;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The search engine a sandbox runs: Elasticsearch (the default) or OpenSearch (ADR 0030). Each is
 * the minimal "integ-test" server zip from Maven Central, unpacked and started the same way by
 * {@link ElasticsearchNode}; what differs between the two is only what this type says: the
 * distribution's coordinates and names, the configuration file, the start script, the environment
 * variables, and whether the distribution can run with security (OpenSearch's integ-test zip has no
 * security plugin: plain HTTP without users).
 */
public enum SearchEngine {
  ELASTICSEARCH(
      "elasticsearch",
      "Elasticsearch",
      "org.elasticsearch.distribution.integ-test-zip",
      "ES",
      "HOPSCOPE_ES_ZIP",
      true),
  OPENSEARCH(
      "opensearch",
      "OpenSearch",
      "org.opensearch.distribution.integ-test-zip",
      "OPENSEARCH",
      "HOPSCOPE_OPENSEARCH_ZIP",
      false);

  private final String id;
  private final String displayName;
  private final String groupId;
  private final String envPrefix;
  private final String zipEnv;
  private final boolean security;

  SearchEngine(
      String id,
      String displayName,
      String groupId,
      String envPrefix,
      String zipEnv,
      boolean security) {
    this.id = id;
    this.displayName = displayName;
    this.groupId = groupId;
    this.envPrefix = envPrefix;
    this.zipEnv = zipEnv;
    this.security = security;
  }

  /** The engine named {@code name} ({@code elasticsearch} or {@code opensearch}, any case). */
  public static SearchEngine parse(String name) {
    return Arrays.stream(values())
        .filter(e -> e.id.equalsIgnoreCase(name == null ? "" : name.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown search engine '"
                        + name
                        + "'; use one of: "
                        + Arrays.stream(values())
                            .map(SearchEngine::id)
                            .collect(Collectors.joining(", "))));
  }

  /** The engine of a {@link SandboxState} ({@code null}: written before engines, Elasticsearch). */
  public static SearchEngine ofState(String id) {
    return id == null ? ELASTICSEARCH : parse(id);
  }

  /** Lower-case name: {@code elasticsearch}, {@code opensearch} (options, JSON, file names). */
  public String id() {
    return id;
  }

  /** The product name for people: {@code Elasticsearch}, {@code OpenSearch}. */
  public String displayName() {
    return displayName;
  }

  /** The version the build fetched ({@link Versions}). */
  public String version() {
    return Versions.of(id);
  }

  /** The distribution's Maven coordinates, e.g. {@code org.opensearch...:opensearch:2.19.4}. */
  public String coordinates() {
    return groupId + ":" + id + ":" + version() + " (zip)";
  }

  /** The unpacked distribution's folder name, also the top folder in its zip. */
  public String homeName() {
    return id + "-" + version();
  }

  /** The zip's file name in {@code sandbox/target/dist/}. */
  public String zipName() {
    return homeName() + ".zip";
  }

  /** The environment variable that points to another zip of this engine. */
  public String zipEnv() {
    return zipEnv;
  }

  /** The node's configuration file in {@code config/}. */
  public String configFileName() {
    return id + ".yml";
  }

  /** The start script in {@code bin/}. */
  public String startScript() {
    return id;
  }

  /** Whether the sandbox's distribution can run with TLS and users ({@code up --security}). */
  public boolean supportsSecurity() {
    return security;
  }

  /** Settings for {@link #configFileName()} without security ({@code ""} when nothing to say). */
  public String plainSettings() {
    return security ? SecuritySetup.plainSettings() : "";
  }

  /**
   * The environment the node and its command-line tools need: this JVM's Java, the heap, the
   * configuration folder ({@code ES_JAVA_HOME}, {@code ES_JAVA_OPTS}, {@code ES_PATH_CONF}, or the
   * {@code OPENSEARCH_} ones).
   */
  public Map<String, String> environment(Path javaHome, String heap, Path configDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(envPrefix + "_JAVA_HOME", javaHome.toString());
    env.put(envPrefix + "_JAVA_OPTS", "-Xms" + heap + " -Xmx" + heap);
    env.put(envPrefix + "_PATH_CONF", configDir.toString());
    return env;
  }

  /** What to say about security when it is off. */
  public String plainNote() {
    return security
        ? "plain HTTP, no authentication"
        : "plain HTTP, no authentication: the "
            + displayName
            + " integ-test distribution has no security plugin, so the sandbox has no users and"
            + " skips the security setup";
  }

  @Override
  public String toString() {
    return id.toLowerCase(Locale.ROOT);
  }
}
