package org.hopscope.source.prometheus;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;

/**
 * How to reach one Prometheus-compatible backend.
 *
 * @param url base URL, may carry a path prefix (Thanos, Mimir, VictoriaMetrics: {@code
 *     https://host/prometheus}); {@code /api/v1/...} is appended. No credentials, query or
 *     fragment.
 * @param auth none, basic or bearer (an API key is for Elasticsearch and refused)
 * @param headers extra headers sent with every request, e.g. {@code X-Scope-OrgID} for a Mimir
 *     tenant; never null
 * @param tls trust and client certificate for {@code https}
 * @param connectTimeout longest wait for a connection
 * @param requestTimeout longest wait for one answer; also sent as Prometheus' {@code timeout}
 * @param retries how many times a 429 or 503 answer is retried (0 = never)
 * @param retryBackoff wait before the first retry, doubled for each further one
 */
public record PrometheusSettings(
    URI url,
    Auth auth,
    Map<String, String> headers,
    Tls tls,
    Duration connectTimeout,
    Duration requestTimeout,
    int retries,
    Duration retryBackoff) {

  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "authorization");

  public PrometheusSettings {
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "Prometheus URL '" + url + "' must start with http:// or https://");
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("Prometheus URL '" + url + "' has no host");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "Prometheus URL must not carry credentials; set auth basic (user, password) instead");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "Prometheus URL '" + url + "' must not have a query or fragment; give the base URL");
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    url = URI.create(scheme + "://" + url.getRawAuthority() + path);
    auth = auth == null ? new Auth.None() : auth;
    requireUsable(auth);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    for (String name : headers.keySet()) {
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "header '" + name + "' cannot be set as an extra header; use auth for credentials");
      }
    }
    tls = tls == null ? Tls.SYSTEM : tls;
    if (tls.custom() && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "TLS settings (CA, insecure, client certificate) need an https:// URL, got " + url);
    }
    if (tls.insecure() && tls.caPem() != null) {
      throw new IllegalArgumentException("set either caPem or insecure, not both");
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be 0..10, got " + retries);
    }
    requirePositive(retryBackoff, "retryBackoff");
  }

  /**
   * The settings of a profile's endpoint: no extra headers, 3 retries from 250 ms.
   *
   * @throws IllegalArgumentException when the endpoint cannot be used for Prometheus (API key, TLS
   *     settings on an http URL, ...)
   */
  public static PrometheusSettings from(Endpoint endpoint) {
    return new PrometheusSettings(
        endpoint.url(),
        endpoint.auth(),
        Map.of(),
        endpoint.tls(),
        endpoint.connectTimeout(),
        endpoint.requestTimeout(),
        3,
        Duration.ofMillis(250));
  }

  /** Defaults: no auth, system trust, 5 s connect, 30 s request timeout, 3 retries from 250 ms. */
  public static PrometheusSettings of(String url) {
    return from(Endpoint.of(URI.create(url)));
  }

  public PrometheusSettings withAuth(Auth newAuth) {
    return new PrometheusSettings(
        url, newAuth, headers, tls, connectTimeout, requestTimeout, retries, retryBackoff);
  }

  public PrometheusSettings withHeaders(Map<String, String> newHeaders) {
    return new PrometheusSettings(
        url, auth, newHeaders, tls, connectTimeout, requestTimeout, retries, retryBackoff);
  }

  public PrometheusSettings withTls(Tls newTls) {
    return new PrometheusSettings(
        url, auth, headers, newTls, connectTimeout, requestTimeout, retries, retryBackoff);
  }

  public PrometheusSettings withTimeouts(Duration connect, Duration request) {
    return new PrometheusSettings(url, auth, headers, tls, connect, request, retries, retryBackoff);
  }

  public PrometheusSettings withRetries(int count, Duration backoff) {
    return new PrometheusSettings(
        url, auth, headers, tls, connectTimeout, requestTimeout, count, backoff);
  }

  private static void requireUsable(Auth auth) {
    if (auth instanceof Auth.ApiKey) {
      throw new IllegalArgumentException(
          "Prometheus: API keys are for Elasticsearch; use basic or bearer for Prometheus");
    }
    if (auth instanceof Auth.Basic basic && basic.user().indexOf(':') >= 0) {
      throw new IllegalArgumentException("basic auth user must not contain ':'");
    }
    if (auth instanceof Auth.Bearer bearer
        && (bearer.token().isBlank()
            || bearer.token().chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
      throw new IllegalArgumentException("bearer token must be printable ASCII without spaces");
    }
  }

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }
}
