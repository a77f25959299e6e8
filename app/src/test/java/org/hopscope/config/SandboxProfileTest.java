package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;
import org.hopscope.sandbox.SandboxProfile;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What the sandbox module writes as the {@code sandbox} profile, ProfileStore reads. */
@ExtendWith(SandboxExtension.class)
class SandboxProfileTest {

  @Test
  void plainSandboxProfileReadsBack(@TempDir Path dir) {
    SandboxState plain =
        new SandboxState(
            "http://127.0.0.1:19200",
            false,
            null,
            null,
            null,
            null,
            "http://127.0.0.1:19090",
            "http://127.0.0.1:19091");

    new SandboxProfile(dir).write(plain);

    assertThat(new ProfileStore(new ConfigDirs(dir)).load("sandbox"))
        .isEqualTo(
            new ConnectionProfile(
                "sandbox",
                Endpoint.of(URI.create("http://127.0.0.1:19200")),
                Endpoint.of(URI.create("http://127.0.0.1:19090")),
                null));
  }

  @Test
  void securitySandboxProfileCarriesHttpsCaAndCredentialsOwnerOnly(@TempDir Path dir)
      throws Exception {
    Path ca = dir.resolve("state dir/ca.crt");
    SandboxState secure =
        new SandboxState(
            "https://127.0.0.1:19200",
            true,
            ca,
            "hopscope",
            "pa\"ss\\wörd: #1",
            "service-token",
            "http://127.0.0.1:19090",
            "http://127.0.0.1:19091");

    Path file = new SandboxProfile(dir.resolve("config")).write(secure);

    ConnectionProfile read =
        new ProfileStore(new ConfigDirs(dir.resolve("config"))).load("sandbox");
    assertThat(file).isEqualTo(dir.resolve("config/profiles/sandbox.yaml"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(read.elasticsearch())
        .isEqualTo(
            new Endpoint(
                URI.create("https://127.0.0.1:19200"),
                new Auth.Basic("hopscope", "pa\"ss\\wörd: #1"),
                new Tls(ca, false, null, null),
                Endpoint.DEFAULT_CONNECT_TIMEOUT,
                Endpoint.DEFAULT_REQUEST_TIMEOUT));
    assertThat(read.prometheus()).isEqualTo(Endpoint.of(URI.create("http://127.0.0.1:19090")));
  }

  @Test
  void runningTestSandboxWroteItsProfileIntoItsOwnFolder(TestSandbox sandbox) {
    Path configDir = sandbox.config().configDir();
    assertThat(configDir).isEqualTo(sandbox.config().dir().resolve("config"));

    ConnectionProfile read = new ProfileStore(new ConfigDirs(configDir)).load("sandbox");

    assertThat(read.elasticsearch().url())
        .isEqualTo(URI.create(sandbox.state().elasticsearchUrl()));
    assertThat(read.prometheus().url()).isEqualTo(URI.create(sandbox.state().prometheusUrl()));
  }
}
