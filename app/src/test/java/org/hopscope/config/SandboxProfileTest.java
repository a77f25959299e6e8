package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;
import org.hopscope.sandbox.SandboxConfig;
import org.hopscope.sandbox.SandboxException;
import org.hopscope.sandbox.SandboxProfile;
import org.hopscope.sandbox.SandboxState;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox module writes as a sandbox's connection profile, ProfileStore reads; and that a
 * second sandbox writes its own profile and never another's.
 */
@ExtendWith(SandboxExtension.class)
class SandboxProfileTest {

  private static SandboxState plain(int es) {
    return new SandboxState(
        "http://127.0.0.1:" + es,
        false,
        null,
        null,
        null,
        null,
        "http://127.0.0.1:19090",
        "http://127.0.0.1:19091",
        null,
        null,
        null);
  }

  @Test
  void aSandboxWithAlertmanagerNamesItInItsProfile(@TempDir Path dir) {
    SandboxState withAlertmanager =
        new SandboxState(
            "http://127.0.0.1:19200",
            false,
            null,
            null,
            null,
            null,
            "http://127.0.0.1:19090",
            "http://127.0.0.1:19091",
            null,
            null,
            null,
            "http://127.0.0.1:19093");
    new SandboxProfile(dir).write(withAlertmanager, dir.resolve("state"));
    ConnectionProfile read = new ProfileStore(new ConfigDirs(dir)).load("sandbox");
    assertThat(read.alertmanager()).isEqualTo(Endpoint.of(URI.create("http://127.0.0.1:19093")));
    new SandboxProfile(dir).write(plain(19200), dir.resolve("state"));
    assertThat(new ProfileStore(new ConfigDirs(dir)).load("sandbox").alertmanager()).isNull();
  }

  @Test
  void plainSandboxProfileReadsBack(@TempDir Path dir) {
    new SandboxProfile(dir).write(plain(19200), dir.resolve("state"));

    assertThat(new ProfileStore(new ConfigDirs(dir)).load("sandbox"))
        .isEqualTo(
            new ConnectionProfile(
                "sandbox",
                Endpoint.of(URI.create("http://127.0.0.1:19200")),
                Endpoint.of(URI.create("http://127.0.0.1:19090")),
                null));
  }

  @Test
  @Fault(Fault.Area.SANDBOX)
  void securitySandboxProfileUsesTheReadOnlyUserOverHttpsWithTheCaOwnerOnly(@TempDir Path dir)
      throws Exception {
    Path ca = dir.resolve("state dir/ca.crt");
    SandboxState secure =
        new SandboxState(
            "https://127.0.0.1:19200",
            true,
            ca,
            "hopscope",
            "superuser-password",
            "service-token",
            "http://127.0.0.1:19090",
            "http://127.0.0.1:19091",
            "hopscope-reader",
            "pa\"ss\\wörd: #1",
            null);

    Path file =
        new SandboxProfile(dir.resolve("config")).write(secure, dir.resolve("state dir")).file();

    ConnectionProfile read =
        new ProfileStore(new ConfigDirs(dir.resolve("config"))).load("sandbox");
    assertThat(file).isEqualTo(dir.resolve("config/profiles/sandbox.yaml"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(read.elasticsearch())
        .isEqualTo(
            new Endpoint(
                URI.create("https://127.0.0.1:19200"),
                new Auth.Basic("hopscope-reader", "pa\"ss\\wörd: #1"),
                new Tls(ca, false, null, null),
                Endpoint.DEFAULT_CONNECT_TIMEOUT,
                Endpoint.DEFAULT_REQUEST_TIMEOUT));
    assertThat(Files.readString(file)).doesNotContain("superuser-password");
    assertThat(read.prometheus()).isEqualTo(Endpoint.of(URI.create("http://127.0.0.1:19090")));
  }

  @Test
  @Fault(Fault.Area.SANDBOX)
  void aSecondSandboxWritesItsOwnProfileAndLeavesTheDefaultAlone(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("config");
    Path defaultFile =
        new SandboxProfile(config).write(plain(19200), SandboxConfig.defaultDir()).file();
    String before = Files.readString(defaultFile);
    SandboxConfig second =
        new SandboxConfig(dir.resolve("sb 2"), "127.0.0.1", 19400, 19401, 19402, config);

    Path secondFile =
        new SandboxProfile(config, second.profile()).write(plain(19400), second.dir()).file();

    assertThat(second.profile()).isEqualTo("sandbox-sb-2");
    assertThat(secondFile).isEqualTo(config.resolve("profiles/sandbox-sb-2.yaml"));
    assertThat(Files.readString(defaultFile)).isEqualTo(before);
    ProfileStore store = new ProfileStore(new ConfigDirs(config));
    assertThat(store.load("sandbox").elasticsearch().url())
        .isEqualTo(URI.create("http://127.0.0.1:19200"));
    assertThat(store.load("sandbox-sb-2").elasticsearch().url())
        .isEqualTo(URI.create("http://127.0.0.1:19400"));
    assertThat(store.list()).containsExactly("sandbox", "sandbox-sb-2");
  }

  @Test
  @Fault(Fault.Area.SANDBOX)
  void theDefaultFolderKeepsTheNameSandboxAndAGivenNameWins() {
    assertThat(SandboxConfig.defaultProfile(SandboxConfig.defaultDir())).isEqualTo("sandbox");
    assertThat(SandboxConfig.defaultProfile(Path.of("/tmp/x/ßä,b"))).isEqualTo("sandbox-b");
    SandboxConfig named =
        new SandboxConfig(Path.of("/tmp/x/y"), "127.0.0.1", 1, 2, 3, Path.of("/tmp/c"), "team-a");
    assertThat(named.profile()).isEqualTo("team-a");
    assertThatThrownBy(
            () ->
                new SandboxConfig(
                    Path.of("/tmp/x/y"), "127.0.0.1", 1, 2, 3, Path.of("/tmp/c"), "../evil"))
        .hasMessage(
            "'../evil' is not a profile name; use letters, digits, '.', '_' and '-' (e.g."
                + " sandbox-2)");
  }

  @Test
  @Fault(Fault.Area.SANDBOX)
  void anUnchangedProfileIsNotRewritten(@TempDir Path dir) throws Exception {
    SandboxProfile profile = new SandboxProfile(dir, "sandbox-a");
    Path file = profile.write(plain(19400), dir.resolve("a")).file();
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(file, old);

    SandboxProfile.Written again = profile.write(plain(19400), dir.resolve("a"));

    assertThat(again.outcome()).isEqualTo(SandboxProfile.Outcome.UNCHANGED);
    assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    assertThat(profile.write(plain(19401), dir.resolve("a")).outcome())
        .isEqualTo(SandboxProfile.Outcome.WRITTEN);
  }

  @Test
  @Fault(Fault.Area.SANDBOX)
  void anotherSandboxesOrAHandMadeProfileOfTheSameNameIsNeverOverwritten(@TempDir Path dir)
      throws Exception {
    SandboxProfile profile = new SandboxProfile(dir, "sandbox-x");
    Path file = profile.write(plain(19400), dir.resolve("one/x")).file();
    String first = Files.readString(file);

    assertThatThrownBy(() -> profile.write(plain(19500), dir.resolve("two/x")))
        .isInstanceOf(SandboxException.class)
        .hasMessage(
            "the profile 'sandbox-x' ("
                + file
                + ") belongs to the sandbox in \""
                + dir.resolve("one/x")
                + "\"; it was left alone. Name this sandbox's profile with `up --profile NAME`,"
                + " or delete that file if it is no longer used.");
    assertThat(Files.readString(file)).isEqualTo(first);

    Path own = new ProfileStore(new ConfigDirs(dir)).file("prod");
    Files.createDirectories(own.getParent());
    Files.writeString(own, "elasticsearch:\n  url: https://prod:9200\n");
    assertThatThrownBy(() -> new SandboxProfile(dir, "prod").write(plain(1), dir.resolve("p")))
        .hasMessageContaining("(" + own + ") was not written by this sandbox; it was left alone.");
    assertThat(Files.readAllLines(own))
        .isEqualTo(List.of("elasticsearch:", "  url: https://prod:9200"));
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
