package org.hopscope.source.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Tls;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS of our client against a local {@link HttpsServer} with a self-signed certificate made by
 * {@code keytool}: a custom CA PEM, the error without it, insecure mode, and mutual TLS.
 */
class PrometheusTlsTest {

  private static final char[] PASS = "changeit".toCharArray();
  private static final Instant T = Instant.parse("2026-11-26T12:00:00Z");

  @TempDir Path dir;
  private HttpsServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void trustsAServerSignedByTheConfiguredCa() throws Exception {
    String url = serve(keystore("server"), null);
    PrometheusMetricSource source =
        new PrometheusMetricSource(
            settings(url).withTls(new Tls(certificatePem("server"), false, null, null)));
    assertThat(source.query("up", T, Cancellation.none())).isEmpty();
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void withoutTheCaTheErrorSaysToConfigureIt() throws Exception {
    String url = serve(keystore("server"), null);
    assertThatThrownBy(
            () -> new PrometheusMetricSource(settings(url)).query("up", T, Cancellation.none()))
        .isInstanceOfSatisfying(
            SourceException.class,
            e -> assertThat(e.kind()).isEqualTo(SourceException.Kind.UNREACHABLE))
        .hasMessageStartingWith("Prometheus " + url + " unreachable: TLS handshake failed: ")
        .hasMessageEndingWith(
            "the server's certificate is not signed by a CA this profile trusts: configure the CA"
                + " certificate (PEM) of your Prometheus in the profile's TLS settings (caPem)");
  }

  @Test
  void insecureModeTrustsAnyCertificate() throws Exception {
    String url = serve(keystore("server"), null);
    PrometheusMetricSource source =
        new PrometheusMetricSource(settings(url).withTls(new Tls(null, true, null, null)));
    assertThat(source.query("up", T, Cancellation.none())).isEmpty();
  }

  @Test
  void mutualTlsSendsTheClientCertificate() throws Exception {
    Path clientStore = keystore("client");
    String url = serve(keystore("server"), clientStore);
    Path ca = certificatePem("server");
    assertThatThrownBy(
            () ->
                new PrometheusMetricSource(settings(url).withTls(new Tls(ca, false, null, null)))
                    .query("up", T, Cancellation.none()))
        .isInstanceOf(SourceException.class)
        .hasMessageStartingWith("Prometheus " + url + " unreachable: ");
    Tls mtls = new Tls(ca, false, certificatePem("client"), privateKeyPem("client"));
    assertThat(
            new PrometheusMetricSource(settings(url).withTls(mtls))
                .query("up", T, Cancellation.none()))
        .isEmpty();
  }

  @Test
  void aFileThatIsNotPemIsNamed() throws Exception {
    Path notPem = Files.writeString(dir.resolve("ca.txt"), "hello");
    assertThatThrownBy(
            () ->
                new PrometheusMetricSource(
                    settings("https://127.0.0.1:1").withTls(new Tls(notPem, false, null, null))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "CA file "
                + notPem
                + " is not a PEM certificate (expected -----BEGIN CERTIFICATE-----)");
  }

  private static PrometheusSettings settings(String url) {
    return PrometheusSettings.of(url).withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5));
  }

  /** A PKCS12 key store with a self-signed EC certificate for 127.0.0.1, made by keytool. */
  private Path keystore(String name) throws Exception {
    Path store = dir.resolve(name + ".p12");
    keytool(
        "-genkeypair",
        "-alias",
        name,
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=" + name,
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    return store;
  }

  private Path certificatePem(String name) throws Exception {
    Path pem = dir.resolve(name + ".pem");
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        name,
        "-keystore",
        dir.resolve(name + ".p12").toString(),
        "-storepass",
        "changeit",
        "-file",
        pem.toString());
    return pem;
  }

  /** The key as unencrypted PKCS#8 PEM, as {@code openssl pkcs8 -topk8 -nocrypt} writes it. */
  private Path privateKeyPem(String name) throws Exception {
    KeyStore store = load(dir.resolve(name + ".p12"));
    byte[] pkcs8 = store.getKey(name, PASS).getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pkcs8)
            + "\n-----END PRIVATE KEY-----\n";
    return Files.writeString(dir.resolve(name + "-key.pem"), pem);
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("keytool " + String.join(" ", args) + ": " + out).isZero();
  }

  private static KeyStore load(Path p12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, PASS);
    }
    return store;
  }

  /**
   * Serves a canned empty vector over HTTPS; requires a client certificate from {@code clients}.
   */
  private String serve(Path serverStore, Path clients) throws Exception {
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(load(serverStore), PASS);
    TrustManagerFactory trust = null;
    if (clients != null) {
      trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(clients));
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(
        new HttpsConfigurator(context) {
          @Override
          public void configure(HttpsParameters params) {
            SSLParameters p = context.getDefaultSSLParameters();
            p.setNeedClientAuth(clients != null);
            params.setSSLParameters(p);
          }
        });
    server.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = CannedPrometheus.EMPTY_VECTOR.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }
}
