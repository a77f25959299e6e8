package org.hopscope.source.elastic;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;

/**
 * How to reach one Elasticsearch cluster: what a connection profile (or CLI flags) says, plus the
 * retry budget.
 *
 * @param url base URL, e.g. {@code https://es.example.com:9200} (a path prefix is kept)
 * @param auth credentials, never null ({@link Auth.None} for none)
 * @param tls trust, {@code insecure} (warns on connect) and client certificate; never null
 * @param connectTimeout how long to wait for the TCP/TLS connection
 * @param requestTimeout how long a request may wait for data before it fails
 * @param maxAttempts how many times a request answered with 429/503 is tried in all (at least 1)
 */
public record ElasticSettings(
    URI url,
    Auth auth,
    Tls tls,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts) {

  /** Attempts per request unless set otherwise. */
  public static final int DEFAULT_MAX_ATTEMPTS = 4;

  public ElasticSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException(
          "Elasticsearch URL '" + url + "' must look like http(s)://host:port");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** The settings of a profile's endpoint, with {@link #DEFAULT_MAX_ATTEMPTS}. */
  public static ElasticSettings from(Endpoint endpoint) {
    return new ElasticSettings(
        endpoint.url(),
        endpoint.auth(),
        endpoint.tls(),
        endpoint.connectTimeout(),
        endpoint.requestTimeout(),
        DEFAULT_MAX_ATTEMPTS);
  }

  /** Plain settings: no auth, system trust, 5 s connect, 30 s request timeout, 4 attempts. */
  public static ElasticSettings of(String url) {
    return from(Endpoint.of(URI.create(url)));
  }

  public ElasticSettings withAuth(Auth newAuth) {
    return new ElasticSettings(url, newAuth, tls, connectTimeout, requestTimeout, maxAttempts);
  }

  public ElasticSettings withTls(Tls newTls) {
    return new ElasticSettings(url, auth, newTls, connectTimeout, requestTimeout, maxAttempts);
  }

  public ElasticSettings withTimeouts(Duration connect, Duration request) {
    return new ElasticSettings(url, auth, tls, connect, request, maxAttempts);
  }

  public ElasticSettings withMaxAttempts(int attempts) {
    return new ElasticSettings(url, auth, tls, connectTimeout, requestTimeout, attempts);
  }

  /** The URL as shown in messages (no credentials, no trailing slash). */
  public String displayUrl() {
    String s =
        url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    String path = url.getPath();
    return path == null || path.isEmpty() || "/".equals(path) ? s : s + path.replaceAll("/+$", "");
  }
}
