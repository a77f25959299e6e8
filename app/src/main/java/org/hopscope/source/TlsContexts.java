package org.hopscope.source;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.hopscope.model.connection.Tls;

/**
 * Builds the {@link SSLContext} of a {@link Tls} from PEM files, for every adapter: a custom CA
 * (trusted instead of the system store; verification and host name check stay on), the explicit
 * insecure mode, and a client certificate for mutual TLS with its unencrypted key (PKCS#8 RSA, EC
 * or EdDSA, or PKCS#1 RSA). Errors name the file and say what to do. Warning about {@code insecure}
 * is the caller's: it knows which server it is.
 */
public final class TlsContexts {

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /**
   * The context for {@code tls}.
   *
   * @return null when the JDK's default (system trust, no client certificate) fits
   * @throws IllegalArgumentException naming the file and what is wrong with it
   */
  public static SSLContext context(Tls tls) {
    if (!tls.custom()) {
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
    KeyStore store = emptyStore();
    int n = 0;
    for (Certificate ca : certificates(caPem, "CA")) {
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
    KeyStore store = emptyStore();
    store.setKeyEntry("client", privateKey(keyPem), NO_PASSWORD, chain);
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

  /** The first unencrypted private key in a PEM file: PKCS#8, or PKCS#1 for RSA. */
  private static PrivateKey privateKey(Path pem) {
    String text = new String(read(pem, "client key"), StandardCharsets.US_ASCII);
    Matcher m = PEM.matcher(text);
    while (m.find()) {
      String type = m.group(1);
      if (type.equals("PRIVATE KEY") || type.equals("RSA PRIVATE KEY")) {
        byte[] der = Base64.getMimeDecoder().decode(m.group(2).strip());
        return pkcs8(type.equals("PRIVATE KEY") ? der : rsaPkcs1ToPkcs8(der), pem);
      }
    }
    throw new IllegalArgumentException(
        "client key file "
            + pem
            + " holds no unencrypted PKCS#8 or RSA private key (-----BEGIN PRIVATE KEY-----);"
            + " convert it with 'openssl pkcs8 -topk8 -nocrypt -in KEY -out key-pkcs8.pem'");
  }

  private static PrivateKey pkcs8(byte[] der, Path pem) {
    for (String algorithm : List.of("RSA", "EC", "EdDSA")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // not this algorithm: try the next one
      }
    }
    throw new IllegalArgumentException(
        "client key file " + pem + " holds a private key that is neither RSA, EC nor EdDSA");
  }

  /** Wraps a PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo (DER). */
  private static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
    // SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }
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
          "cannot read " + what + " file " + file + ": " + e.getMessage(), e);
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
