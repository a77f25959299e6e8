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
 */
public record SandboxState(
    String elasticsearchUrl,
    boolean security,
    Path caCertificate,
    String user,
    String password,
    String serviceToken,
    String prometheusUrl,
    String exporterUrl) {

  /** How sandbox tools (seed, tests) write to this Elasticsearch. */
  public EsEndpoint elasticsearch() {
    return new EsEndpoint(java.net.URI.create(elasticsearchUrl), caCertificate, user, password);
  }
}
