package org.hopscope.config;

import java.nio.file.Path;

/**
 * TLS settings of an https endpoint. Verification is on unless {@code insecure}.
 *
 * @param caPem PEM file of the CA(s) to trust instead of the system trust store, or null
 * @param insecure skip certificate and host name verification (warned about on use)
 * @param clientCertPem client certificate PEM for mutual TLS, or null
 * @param clientKeyPem its private key PEM (PKCS#8), or null; set together with clientCertPem
 */
public record Tls(Path caPem, boolean insecure, Path clientCertPem, Path clientKeyPem) {

  /** System trust store, verification on, no client certificate. */
  public static final Tls SYSTEM = new Tls(null, false, null, null);

  /** Whether anything differs from {@link #SYSTEM}. */
  public boolean custom() {
    return !equals(SYSTEM);
  }
}
