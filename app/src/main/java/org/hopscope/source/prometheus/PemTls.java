package org.hopscope.source.prometheus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Builds the {@link SSLContext} of a {@link PrometheusSettings.Tls} from PEM files: a custom CA
 * (verification and host name check stay on), an explicit insecure mode, and a client certificate
 * with its PKCS#8 key for mutual TLS. Errors name the file and say what to do.
 */
final class PemTls {

  private static final char[] NO_PASSWORD = new char[0];

  private PemTls() {}

  /** The context for {@code tls}; {@code null} when the JDK's default context fits. */
  static SSLContext context(PrometheusSettings.Tls tls) {
    if (tls.caPem() == null && !tls.insecure() && tls.clientCertPem() == null) {
      return null;
    }
    try {
      TrustManager[] trust =
          tls.insecure()
              ? new TrustManager[] {new TrustAll()}
              : tls.caPem() == null ? null : trustManagers(tls.caPem());
      KeyManager[] keys =
          tls.clientCertPem() == null ? null : keyManagers(tls.clientCertPem(), tls.clientKeyPem());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(Path caPem) throws GeneralSecurityException {
    Collection<? extends Certificate> cas = certificates(caPem, "CA");
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    int n = 0;
    for (Certificate ca : cas) {
      store.setCertificateEntry("ca-" + n++, ca);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return factory.getTrustManagers();
  }

  private static KeyManager[] keyManagers(Path certPem, Path keyPem)
      throws GeneralSecurityException {
    Certificate[] chain = certificates(certPem, "client certificate").toArray(new Certificate[0]);
    PrivateKey key = privateKey(keyPem);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    store.setKeyEntry("client", key, NO_PASSWORD, chain);
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  private static Collection<? extends Certificate> certificates(Path pem, String what) {
    byte[] bytes = read(pem, what);
    try {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes));
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(
            what + " file " + pem + " holds no certificate (expected -----BEGIN CERTIFICATE-----)");
      }
      return certs;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          what
              + " file "
              + pem
              + " is not a PEM certificate (expected -----BEGIN CERTIFICATE-----): "
              + e.getMessage(),
          e);
    }
  }

  private static PrivateKey privateKey(Path pem) {
    String text = new String(read(pem, "client key"), StandardCharsets.US_ASCII);
    String begin = "-----BEGIN PRIVATE KEY-----";
    int start = text.indexOf(begin);
    int end = text.indexOf("-----END PRIVATE KEY-----");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "client key file "
              + pem
              + " must be an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); convert it with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key-pkcs8.pem'");
    }
    byte[] der =
        Base64.getMimeDecoder().decode(text.substring(start + begin.length(), end).strip());
    for (String algorithm : new String[] {"RSA", "EC", "EdDSA"}) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next one
      }
    }
    throw new IllegalArgumentException(
        "client key file " + pem + " is not an RSA, EC or EdDSA PKCS#8 private key");
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read " + what + " file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Accepts every certificate and host name: the explicit {@code insecure} mode. */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
