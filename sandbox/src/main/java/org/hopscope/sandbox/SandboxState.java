package org.hopscope.sandbox;

import java.nio.file.Path;

/**
 * What {@code up} wrote to {@code sandbox.json}: how to reach the running sandbox. Secrets are
 * sandbox-only throwaway values.
 *
 * @param elasticsearchUrl e.g. {@code http://127.0.0.1:19200} (https when {@code security})
 * @param security whether Elasticsearch runs with TLS and authentication
 * @param caCertificate PEM of the sandbox CA (security only), else null
 * @param user file-realm user with superuser role (security only), else null
 * @param password its password (security only), else null
 * @param serviceToken service-account bearer token (security only), else null
 * @param prometheusUrl e.g. {@code http://127.0.0.1:19090}
 * @param exporterUrl the live exporter Prometheus scrapes
 * @param readerUser the read-only user whose role reads only the paths' indices (security only;
 *     null in plain mode or in a state written before it existed)
 * @param readerPassword its password, else null
 * @param profile the connection profile file {@code up} wrote or found up to date, null when it
 *     could not (see {@link SandboxProfile})
 * @param alertmanagerUrl e.g. {@code http://127.0.0.1:19093}; null when Alertmanager is not
 *     installed (the alerts then come from Prometheus only) or in a state written before it existed
 * @param engine the search engine at {@code elasticsearchUrl}: {@code elasticsearch} or {@code
 *     opensearch} ({@link SearchEngine#id()}); null in a state written before there was a choice
 *     (Elasticsearch, see {@link #searchEngine()})
 */
public record SandboxState(
    String elasticsearchUrl,
    boolean security,
    Path caCertificate,
    String user,
    String password,
    String serviceToken,
    String prometheusUrl,
    String exporterUrl,
    String readerUser,
    String readerPassword,
    Path profile,
    String alertmanagerUrl,
    String engine) {

  /** A state of an Elasticsearch sandbox. */
  public SandboxState(
      String elasticsearchUrl,
      boolean security,
      Path caCertificate,
      String user,
      String password,
      String serviceToken,
      String prometheusUrl,
      String exporterUrl,
      String readerUser,
      String readerPassword,
      Path profile,
      String alertmanagerUrl) {
    this(
        elasticsearchUrl,
        security,
        caCertificate,
        user,
        password,
        serviceToken,
        prometheusUrl,
        exporterUrl,
        readerUser,
        readerPassword,
        profile,
        alertmanagerUrl,
        SearchEngine.ELASTICSEARCH.id());
  }

  /** A state without Alertmanager. */
  public SandboxState(
      String elasticsearchUrl,
      boolean security,
      Path caCertificate,
      String user,
      String password,
      String serviceToken,
      String prometheusUrl,
      String exporterUrl,
      String readerUser,
      String readerPassword,
      Path profile) {
    this(
        elasticsearchUrl,
        security,
        caCertificate,
        user,
        password,
        serviceToken,
        prometheusUrl,
        exporterUrl,
        readerUser,
        readerPassword,
        profile,
        null);
  }

  /** This state with {@code profile} as the profile file. */
  public SandboxState withProfile(Path profile) {
    return new SandboxState(
        elasticsearchUrl,
        security,
        caCertificate,
        user,
        password,
        serviceToken,
        prometheusUrl,
        exporterUrl,
        readerUser,
        readerPassword,
        profile,
        alertmanagerUrl,
        engine);
  }

  /** The search engine this sandbox runs (Elasticsearch for a state from before the choice). */
  public SearchEngine searchEngine() {
    return SearchEngine.ofState(engine);
  }

  /** The profile's name ({@code sandbox} for {@code profiles/sandbox.yaml}), null when none. */
  public String profileName() {
    if (profile == null) {
      return null;
    }
    String file = profile.getFileName().toString();
    return file.endsWith(".yaml") ? file.substring(0, file.length() - ".yaml".length()) : file;
  }

  /** How the read-only user reaches this Elasticsearch (security only). */
  public EsEndpoint reader() {
    if (readerUser == null) {
      throw new IllegalStateException("this sandbox has no read-only user (plain mode?)");
    }
    return new EsEndpoint(
        java.net.URI.create(elasticsearchUrl), caCertificate, readerUser, readerPassword);
  }

  /** How sandbox tools (seed, tests) write to this Elasticsearch. */
  public EsEndpoint elasticsearch() {
    return new EsEndpoint(java.net.URI.create(elasticsearchUrl), caCertificate, user, password);
  }
}
