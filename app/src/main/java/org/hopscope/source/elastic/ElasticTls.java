package org.hopscope.source.elastic;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Builds the TLS context of an {@link ElasticSettings}: the system trust store, plus a custom CA
 * from a PEM file, plus a client certificate for mutual TLS; verification stays on unless the
 * settings say {@code insecure}.
 */
final class ElasticTls {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];

  private ElasticTls() {}

  /**
   * The context to use, or null when the client's default (system trust, no client certificate) is
   * right.
   *
   * @param warnings receives one line when verification is turned off
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  static SSLContext context(ElasticSettings settings, Consumer<String> warnings) {
    boolean custom =
        settings.insecure()
            || settings.caCertificate() != null
            || settings.clientCertificate() != null;
    if (!custom) {
      return null;
    }
    try {
      TrustManager[] trust;
      if (settings.insecure()) {
        warnings.accept(
            "WARNING: TLS certificate verification is OFF for "
                + settings.displayUrl()
                + " (insecure): anyone on the network path can read and change the traffic."
                + " Configure the cluster's CA certificate instead.");
        trust = new TrustManager[] {new TrustAll()};
      } else {
        trust = trustManagers(settings.caCertificate());
      }
      KeyManager[] keys =
          settings.clientCertificate() == null
              ? null
              : keyManagers(settings.clientCertificate(), settings.clientKey());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, trust, new SecureRandom());
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static TrustManager[] trustManagers(Path ca) throws GeneralSecurityException {
    TrustManagerFactory system =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    if (ca == null) {
      return system.getTrustManagers();
    }
    KeyStore store = emptyStore();
    int n = 0;
    for (TrustManager tm : system.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        for (X509Certificate c : x.getAcceptedIssuers()) {
          store.setCertificateEntry("system-" + n++, c);
        }
      }
    }
    List<Certificate> custom = certificates(ca, "CA certificate");
    for (Certificate c : custom) {
      store.setCertificateEntry("custom-" + n++, c);
    }
    TrustManagerFactory combined =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    combined.init(store);
    return combined.getTrustManagers();
  }

  private static KeyManager[] keyManagers(Path certificate, Path key)
      throws GeneralSecurityException {
    List<Certificate> chain = certificates(certificate, "client certificate");
    KeyStore store = emptyStore();
    store.setKeyEntry("client", privateKey(key), NO_PASSWORD, chain.toArray(new Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, NO_PASSWORD);
    return factory.getKeyManagers();
  }

  /** All certificates in a PEM file. */
  static List<Certificate> certificates(Path file, String what) {
    byte[] bytes = read(file, what);
    try {
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes));
      if (certs.isEmpty()) {
        throw new IllegalArgumentException(
            "the "
                + what
                + " file "
                + file
                + " holds no certificate; expected PEM (BEGIN CERTIFICATE)");
      }
      return new ArrayList<>(certs);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " file "
              + file
              + " is not a PEM certificate (BEGIN CERTIFICATE): "
              + e.getMessage(),
          e);
    }
  }

  /** An unencrypted PEM private key: PKCS#8 (RSA, EC) or PKCS#1 (BEGIN RSA PRIVATE KEY). */
  static PrivateKey privateKey(Path file) {
    String text = new String(read(file, "client key"), StandardCharsets.US_ASCII);
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      byte[] der = Base64.getMimeDecoder().decode(m.group(2).trim());
      if (type.equals("PRIVATE KEY")) {
        return pkcs8(der, file);
      }
      if (type.equals("RSA PRIVATE KEY")) {
        return pkcs8(rsaPkcs1ToPkcs8(der), file);
      }
      if (type.contains("ENCRYPTED") || type.equals("EC PRIVATE KEY")) {
        break;
      }
    }
    throw new IllegalArgumentException(
        "the client key file "
            + file
            + " holds no unencrypted PKCS#8 or RSA private key; convert it with"
            + " `openssl pkcs8 -topk8 -nocrypt -in KEY -out key.pem`");
  }

  private static PrivateKey pkcs8(byte[] der, Path file) {
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next one
      }
    }
    throw new IllegalArgumentException(
        "the client key file " + file + " holds a private key that is neither RSA, EC nor Ed25519");
  }

  /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo (DER). */
  private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    byte[] algorithm = {
      0x30,
      0x0d,
      0x06,
      0x09,
      0x2a,
      (byte) 0x86,
      0x48,
      (byte) 0x86,
      (byte) 0xf7,
      0x0d,
      0x01,
      0x01,
      0x01,
      0x05,
      0x00
    };
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(algorithm);
    body.write(0x04);
    body.writeBytes(derLength(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(derLength(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    if (length < 0x100) {
      return new byte[] {(byte) 0x81, (byte) length};
    }
    if (length < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }
    return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
  }

  private static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the " + what + " file " + file + ": " + e.getMessage(), e);
    }
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot create an in-memory key store", e);
    }
    return store;
  }

  /** Accepts every certificate: only for an explicit {@code insecure} setting. */
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
