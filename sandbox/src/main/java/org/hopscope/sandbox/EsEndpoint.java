package org.hopscope.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How the sandbox tools reach its own Elasticsearch: URL, optional CA certificate (PEM) for HTTPS,
 * optional HTTP basic credentials. The product has its own connection profiles; this is only for
 * the sandbox's writes.
 *
 * @param url base URL, e.g. {@code http://127.0.0.1:19200}
 * @param caCertificate PEM file of the CA that signed the node certificate, or null for plain HTTP
 * @param user basic-auth user, or null
 * @param password basic-auth password, or null
 */
public record EsEndpoint(URI url, Path caCertificate, String user, String password) {

  public static EsEndpoint plain(String url) {
    return new EsEndpoint(URI.create(url), null, null, null);
  }

  /** A request builder for {@code path} (e.g. {@code "/_bulk"}) with auth applied. */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(120));
    if (user != null) {
      String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
      b.header("Authorization", "Basic " + token);
    }
    return b;
  }

  /** A new HTTP client that trusts {@link #caCertificate} when set (verification stays on). */
  public HttpClient newClient() {
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5));
    if (caCertificate != null) {
      b.sslContext(trusting(caCertificate));
    }
    return b.build();
  }

  private static SSLContext trusting(Path caPem) {
    try (InputStream in = Files.newInputStream(caPem)) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry(
          "sandbox-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      return ctx;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot read the sandbox CA certificate " + caPem + ": " + e.getMessage(), e);
    }
  }
}
