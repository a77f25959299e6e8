package org.hopscope.source.prometheus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach one Prometheus-compatible backend.
 *
 * @param url base URL, may carry a path prefix (Thanos, Mimir, VictoriaMetrics: {@code
 *     https://host/prometheus}); {@code /api/v1/...} is appended. No credentials, query or
 *     fragment.
 * @param auth none, basic or bearer
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
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    for (String name : headers.keySet()) {
      if (RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(
            "header '" + name + "' cannot be set as an extra header; use auth for credentials");
      }
    }
    tls = tls == null ? Tls.system() : tls;
    if (tls.insecure() || tls.caPem() != null || tls.clientCertPem() != null) {
      if (!scheme.equals("https")) {
        throw new IllegalArgumentException(
            "TLS settings (CA, insecure, client certificate) need an https:// URL, got " + url);
      }
    }
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("retries must be 0..10, got " + retries);
    }
    requirePositive(retryBackoff, "retryBackoff");
  }

  /** Defaults: no auth, system trust, 5 s connect, 30 s request timeout, 3 retries from 250 ms. */
  public static PrometheusSettings of(String url) {
    return new PrometheusSettings(
        URI.create(url),
        new Auth.None(),
        Map.of(),
        Tls.system(),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        3,
        Duration.ofMillis(250));
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

  private static void requirePositive(Duration d, String name) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + d);
    }
  }

  /** Credentials sent in the {@code Authorization} header. */
  public sealed interface Auth {
    /** No credentials. */
    record None() implements Auth {}

    /** HTTP basic auth. */
    record Basic(String user, String password) implements Auth {
      public Basic {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.indexOf(':') >= 0) {
          throw new IllegalArgumentException("basic auth user must not contain ':'");
        }
      }

      @Override
      public String toString() {
        return "Basic[user=" + user + ", password=***]";
      }
    }

    /** A bearer token (OAuth access token, service-account token). */
    record Bearer(String token) implements Auth {
      public Bearer {
        Objects.requireNonNull(token, "token");
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
          throw new IllegalArgumentException("bearer token must be printable ASCII without spaces");
        }
      }

      @Override
      public String toString() {
        return "Bearer[***]";
      }
    }
  }

  /**
   * TLS for {@code https} URLs.
   *
   * @param caPem PEM file of the CA certificate(s) to trust instead of the system's; null for the
   *     system trust store
   * @param insecure trust any certificate and host name: for a lab only, warned about
   * @param clientCertPem PEM certificate (chain) for mutual TLS, or null
   * @param clientKeyPem its unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}), or null
   */
  public record Tls(Path caPem, boolean insecure, Path clientCertPem, Path clientKeyPem) {
    public Tls {
      if ((clientCertPem == null) != (clientKeyPem == null)) {
        throw new IllegalArgumentException(
            "a client certificate needs both clientCertPem and clientKeyPem");
      }
      if (insecure && caPem != null) {
        throw new IllegalArgumentException("set either caPem or insecure, not both");
      }
    }

    /** The system trust store, no client certificate. */
    public static Tls system() {
      return new Tls(null, false, null, null);
    }

    /** Trust exactly the CA certificate(s) in {@code caPem}. */
    public static Tls trusting(Path caPem) {
      return new Tls(caPem, false, null, null);
    }
  }
}
