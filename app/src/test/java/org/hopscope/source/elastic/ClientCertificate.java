package org.hopscope.source.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * Test fixture: a self-signed RSA client certificate made with the JDK's keytool, written as PEM
 * (certificate, PKCS#8 key, PKCS#1 key).
 */
record ClientCertificate(Path certificate, Path pkcs8Key, Path pkcs1Key) {

  static ClientCertificate make(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path store = dir.resolve("client.p12");
    Files.deleteIfExists(store);
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=hopscope-test-client",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, "changeit".toCharArray());
      PrivateKey key = (PrivateKey) ks.getKey("client", "changeit".toCharArray());
      byte[] pkcs8 = key.getEncoded();
      // a 2048-bit RSA PrivateKeyInfo: 26 header bytes, then the PKCS#1 RSAPrivateKey
      byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
      ClientCertificate c =
          new ClientCertificate(
              dir.resolve("client.crt"), dir.resolve("client.key"), dir.resolve("client-rsa.key"));
      Files.writeString(
          c.certificate(), pem("CERTIFICATE", ks.getCertificate("client").getEncoded()));
      Files.writeString(c.pkcs8Key(), pem("PRIVATE KEY", pkcs8));
      Files.writeString(c.pkcs1Key(), pem("RSA PRIVATE KEY", pkcs1));
      return c;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the keytool store", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
