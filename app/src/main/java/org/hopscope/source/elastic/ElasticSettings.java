package org.hopscope.source.elastic;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Elasticsearch cluster: what a connection profile (or CLI flags) says.
 *
 * @param url base URL, e.g. {@code https://es.example.com:9200} (a path prefix is kept)
 * @param auth credentials, never null ({@link Auth.None} for none)
 * @param caCertificate PEM file of a CA to trust in addition to the system trust store, or null
 * @param insecure turns TLS certificate and host name verification off (warns on connect)
 * @param clientCertificate PEM certificate (chain) for mutual TLS, or null
 * @param clientKey PEM private key (PKCS#8, unencrypted) of {@code clientCertificate}, or null
 * @param connectTimeout how long to wait for the TCP/TLS connection
 * @param requestTimeout how long a request may wait for data before it fails
 * @param maxAttempts how many times a request answered with 429/503 is tried in all (at least 1)
 */
public record ElasticSettings(
    URI url,
    Auth auth,
    Path caCertificate,
    boolean insecure,
    Path clientCertificate,
    Path clientKey,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts) {

  public ElasticSettings {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
      throw new IllegalArgumentException(
          "Elasticsearch URL '" + url + "' must look like http(s)://host:port");
    }
    if ((clientCertificate == null) != (clientKey == null)) {
      throw new IllegalArgumentException(
          "mutual TLS needs both a client certificate and its private key (PEM files)");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** Plain settings: no auth, system trust, 5 s connect, 30 s request timeout, 4 attempts. */
  public static ElasticSettings of(String url) {
    return new ElasticSettings(
        URI.create(url),
        new Auth.None(),
        null,
        false,
        null,
        null,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        4);
  }

  public ElasticSettings withAuth(Auth newAuth) {
    return new ElasticSettings(
        url,
        newAuth,
        caCertificate,
        insecure,
        clientCertificate,
        clientKey,
        connectTimeout,
        requestTimeout,
        maxAttempts);
  }

  public ElasticSettings withCaCertificate(Path ca) {
    return new ElasticSettings(
        url,
        auth,
        ca,
        insecure,
        clientCertificate,
        clientKey,
        connectTimeout,
        requestTimeout,
        maxAttempts);
  }

  public ElasticSettings withInsecure(boolean off) {
    return new ElasticSettings(
        url,
        auth,
        caCertificate,
        off,
        clientCertificate,
        clientKey,
        connectTimeout,
        requestTimeout,
        maxAttempts);
  }

  public ElasticSettings withClientCertificate(Path certificate, Path key) {
    return new ElasticSettings(
        url,
        auth,
        caCertificate,
        insecure,
        certificate,
        key,
        connectTimeout,
        requestTimeout,
        maxAttempts);
  }

  public ElasticSettings withTimeouts(Duration connect, Duration request) {
    return new ElasticSettings(
        url,
        auth,
        caCertificate,
        insecure,
        clientCertificate,
        clientKey,
        connect,
        request,
        maxAttempts);
  }

  /** The URL as shown in messages (no credentials, no trailing slash). */
  public String displayUrl() {
    String s =
        url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    String path = url.getPath();
    return path == null || path.isEmpty() || "/".equals(path) ? s : s + path.replaceAll("/+$", "");
  }

  /** Credentials sent with every request. */
  public sealed interface Auth {
    /** No {@code Authorization} header. */
    record None() implements Auth {}

    /** HTTP basic: user and password. */
    record Basic(String user, String password) implements Auth {
      public Basic {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
      }

      @Override
      public String toString() {
        return "Basic[" + user + ", password hidden]";
      }
    }

    /**
     * An Elasticsearch API key: the {@code encoded} value the create-API-key call returns, or
     * {@code id:api_key} (encoded here).
     */
    record ApiKey(String key) implements Auth {
      public ApiKey {
        Objects.requireNonNull(key, "key");
      }

      @Override
      public String toString() {
        return "ApiKey[hidden]";
      }
    }

    /** A bearer token (service account token, OAuth/JWT token). */
    record Bearer(String token) implements Auth {
      public Bearer {
        Objects.requireNonNull(token, "token");
      }

      @Override
      public String toString() {
        return "Bearer[hidden]";
      }
    }
  }
}
