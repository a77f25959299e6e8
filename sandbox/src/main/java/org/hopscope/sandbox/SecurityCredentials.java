package org.hopscope.sandbox;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The throwaway credentials of a security-mode sandbox.
 *
 * @param caCertificate PEM of the sandbox CA (copy in the state folder)
 * @param user file-realm superuser
 * @param password its password
 * @param readerUser read-only user (role {@link SecuritySetup#READER_ROLE}), null in credentials
 *     written by an older version
 * @param readerPassword its password, or null
 * @param serviceToken bearer token of the service account {@code elastic/kibana}
 */
public record SecurityCredentials(
    Path caCertificate,
    String user,
    String password,
    String readerUser,
    String readerPassword,
    String serviceToken) {

  Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    if (readerUser != null) {
      p.setProperty("reader.user", readerUser);
      p.setProperty("reader.password", readerPassword);
    }
    p.setProperty("service.token", serviceToken);
    return p;
  }

  static SecurityCredentials from(Properties p, Path caCertificate) {
    return new SecurityCredentials(
        caCertificate,
        p.getProperty("user"),
        p.getProperty("password"),
        p.getProperty("reader.user"),
        p.getProperty("reader.password"),
        p.getProperty("service.token"));
  }
}
