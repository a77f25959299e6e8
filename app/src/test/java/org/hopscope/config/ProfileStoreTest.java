package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

  @TempDir Path dir;

  private ProfileStore store() {
    return new ProfileStore(new ConfigDirs(dir));
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void savedProfileReadsBackEqualAndOwnerOnly() throws Exception {
    ConnectionProfile prod =
        new ConnectionProfile(
            "prod-eu",
            new Endpoint(
                URI.create("https://es.example:9200"),
                new Auth.Basic("hop\"scope", "p@ss: \\word\n#1"),
                new Tls(dir.resolve("ca.pem"), false, dir.resolve("me.pem"), dir.resolve("me.key")),
                Duration.ofSeconds(3),
                Duration.ofMinutes(1)),
            new Endpoint(
                URI.create("https://prom.example"),
                new Auth.Bearer("tok-en"),
                new Tls(null, true, null, null),
                Duration.ofMillis(1500),
                Duration.ofSeconds(20)),
            dir.resolve("queries"));

    Path file = store().save(prod);

    assertThat(file).isEqualTo(dir.resolve("profiles").resolve("prod-eu.yaml"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(store().load("prod-eu")).isEqualTo(prod);
    assertThat(store().list()).containsExactly("prod-eu");
    assertThat(Files.list(file.getParent())).containsExactly(file);
  }

  @Test
  void apiKeyAndNoAuthRoundTrip() {
    ConnectionProfile p =
        new ConnectionProfile(
            "a",
            new Endpoint(
                URI.create("http://127.0.0.1:19200"),
                new Auth.ApiKey("VnVhQ2ZHY0JDZGJrUW0tZTVhT3g6dWkybHAyYXhUTm1zeWFrdzl0dk5udw=="),
                Tls.SYSTEM,
                Endpoint.DEFAULT_CONNECT_TIMEOUT,
                Endpoint.DEFAULT_REQUEST_TIMEOUT),
            Endpoint.of(URI.create("http://127.0.0.1:19090")),
            null);
    store().save(p);
    store().save(new ConnectionProfile("b", p.prometheus(), null, null));

    assertThat(store().load("a")).isEqualTo(p);
    assertThat(store().load("b").prometheus()).isNull();
    assertThat(store().list()).containsExactly("a", "b");
    assertThat(store().delete("a")).isTrue();
    assertThat(store().delete("a")).isFalse();
    assertThat(store().list()).containsExactly("b");
  }

  @Test
  void handWrittenProfileWithRelativePathsAndInferredAuth() throws Exception {
    Files.createDirectories(dir.resolve("profiles"));
    Files.writeString(
        dir.resolve("profiles/lab.yaml"),
        """
        elasticsearch:
          url: https://es.lab:9200
          token: abc
          tls: {ca: certs/ca.pem}
        pathsDir: ../queries
        """);

    ConnectionProfile lab = store().load("lab");

    assertThat(lab.elasticsearch().auth()).isEqualTo(new Auth.Bearer("abc"));
    assertThat(lab.elasticsearch().tls().caPem()).isEqualTo(dir.resolve("profiles/certs/ca.pem"));
    assertThat(lab.elasticsearch().requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(lab.pathsDir()).isEqualTo(dir.resolve("queries"));
    assertThat(lab.prometheus()).isNull();
  }

  @Test
  void badProfileNamesEveryProblemWithFileLineAndColumn() throws Exception {
    Files.createDirectories(dir.resolve("profiles"));
    Path file = dir.resolve("profiles/bad.yaml");
    Files.writeString(
        file,
        """
        elasticsearch:
          url: ftp://es.lab
          auth: basic
          user: me
          tls: {ca: ca.pem, insecure: maybe}
          requestTimout: 5s
        prometheus: {url: "http://u:p@prom:9090", connectTimeout: 5}
        """);

    assertThatThrownBy(() -> store().load("bad"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            String.join(
                "\n",
                file
                    + ":2:8: 'url': expected an http or https URL with a host, such as"
                    + " https://es.example:9200, got 'ftp://es.lab'",
                file + ":3:9: elasticsearch: auth basic needs password",
                file + ":5:31: 'insecure': expected true or false, got 'maybe'",
                file
                    + ":6:3: unknown key 'requestTimout' (expected one of: url, auth, user,"
                    + " password, apiKey, token, tls, connectTimeout, requestTimeout; did you"
                    + " mean 'requestTimeout'?)",
                file
                    + ":7:19: 'url': credentials do not belong in the URL; set user and"
                    + " password (or apiKey, token)",
                file
                    + ":7:59: 'connectTimeout': expected a duration such as 5s, 2m, 1h or"
                    + " 250ms (units ms, s, m, h, d; e.g. 1h30m), got '5'"));
  }

  @Test
  void missingProfileNamesTheKnownOnesAndBadNamesAreRefused() {
    store().save(new ConnectionProfile("dev", Endpoint.of(URI.create("http://x:1")), null, null));

    assertThatThrownBy(() -> store().load("prod"))
        .hasMessage(dir.resolve("profiles/prod.yaml") + ": no profile 'prod' (profiles: dev)");
    assertThatThrownBy(() -> store().load("../etc/passwd"))
        .hasMessage(
            "profile name: '../etc/passwd' is not a profile name; use letters, digits, '.', '_'"
                + " and '-' (e.g. prod-eu)");
  }

  @Test
  @Fault(Fault.Area.SECRETS)
  void secretsNeverShowInToString() {
    assertThat(new Auth.Basic("me", "s3cret").toString()).doesNotContain("s3cret");
    assertThat(new Auth.ApiKey("k3y").toString()).doesNotContain("k3y");
    assertThat(new Auth.Bearer("t0ken").toString()).doesNotContain("t0ken");
  }
}
