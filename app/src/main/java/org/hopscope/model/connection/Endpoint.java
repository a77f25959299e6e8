package org.hopscope.model.connection;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one server (Elasticsearch or Prometheus).
 *
 * @param url base URL, http or https, no credentials in it
 * @param auth how to authenticate, never null ({@link Auth.None})
 * @param tls TLS settings, never null ({@link Tls#SYSTEM})
 * @param connectTimeout longest wait for a connection
 * @param requestTimeout longest wait for one request's answer
 */
public record Endpoint(
    URI url, Auth auth, Tls tls, Duration connectTimeout, Duration requestTimeout) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  public Endpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
  }

  /** {@code url} without authentication, system trust, default timeouts. */
  public static Endpoint of(URI url) {
    return new Endpoint(
        url, new Auth.None(), Tls.SYSTEM, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }
}
