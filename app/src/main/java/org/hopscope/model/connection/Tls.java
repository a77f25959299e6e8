package org.hopscope.model.connection;

import java.nio.file.Path;

/**
 * TLS settings of an https endpoint. Verification is on unless {@code insecure}.
 *
 * @param caPem PEM file of the CA(s) to trust instead of the system trust store, or null
 * @param insecure skip certificate and host name verification (warned about on use)
 * @param clientCertPem client certificate (chain) PEM for mutual TLS, or null
 * @param clientKeyPem its unencrypted private key PEM (PKCS#8, or PKCS#1 for RSA), or null; set
 *     together with clientCertPem
 * @throws IllegalArgumentException when only one of clientCertPem and clientKeyPem is set
 */
public record Tls(Path caPem, boolean insecure, Path clientCertPem, Path clientKeyPem) {

  /** System trust store, verification on, no client certificate. */
  public static final Tls SYSTEM = new Tls(null, false, null, null);

  public Tls {
    if ((clientCertPem == null) != (clientKeyPem == null)) {
      throw new IllegalArgumentException(
          "mutual TLS needs both a client certificate and its private key (PEM files)");
    }
  }

  /** Whether anything differs from {@link #SYSTEM}. */
  public boolean custom() {
    return !equals(SYSTEM);
  }
}
