package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.Notice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A profile file holding secrets that other users can read or change gets a loud warning naming the
 * file and the fix; owner-only files, and files whose secrets are in the OS keychain, do not. Real
 * files with real POSIX modes.
 */
@Fault(Fault.Area.SECRETS)
class ProfilePermissionsTest {

  private static final String PASSWORD_PROFILE =
      """
      elasticsearch:
        url: https://es.example:9200
        user: hopscope
        password: "s3cret"
      """;

  @TempDir Path config;

  private ProfileStore store() {
    return new ProfileStore(new ConfigDirs(config));
  }

  private Path write(String name, String yaml, String mode) throws IOException {
    Path file = store().file(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, yaml);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource({
    "rw-r--r--, 0644, readable",
    "rw-r-----, 0640, readable",
    "rw----r--, 0604, readable",
    "rw-rw-r--, 0664, readable and writable",
    "rw-rw-rw-, 0666, readable and writable",
    "rw--w----, 0620, writable",
    "rw-----w-, 0602, writable"
  })
  void aPasswordInAFileOthersCanOpenIsAWarningNamingTheFixAndTheMode(
      String mode, String octal, String access) throws IOException {
    Path file = write("prod", PASSWORD_PROFILE, mode);

    List<Notice> notices = store().notices(store().load("prod"));

    assertThat(notices)
        .extracting(Notice::text)
        .containsExactly(
            "UNPROTECTED PROFILE FILE: "
                + file.toAbsolutePath()
                + " holds a password and is "
                + access
                + " by other users (mode "
                + octal
                + "); run: chmod 600 "
                + file.toAbsolutePath());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"rw-------", "r--------", "rwx------"})
  void ownerOnlyFilesAreQuiet(String mode) throws IOException {
    write("prod", PASSWORD_PROFILE, mode);

    assertThat(store().notices(store().load("prod"))).isEmpty();
  }

  @Test
  void everySecretHeldIsNamed() throws IOException {
    Path file =
        write(
            "both",
            """
            elasticsearch:
              url: https://es.example:9200
              apiKey: "a2V5"
            prometheus:
              url: https://prom.example:9090
              token: "t0k"
            """,
            "rw-r--r--");

    assertThat(store().notices(store().load("both")))
        .extracting(Notice::text)
        .containsExactly(
            "UNPROTECTED PROFILE FILE: "
                + file.toAbsolutePath()
                + " holds an API key and a token and is readable by other users (mode 0644);"
                + " run: chmod 600 "
                + file.toAbsolutePath());
  }

  @Test
  void aProfileWithoutSecretsOrWithThemInTheKeychainIsQuietWhateverItsMode() throws IOException {
    write(
        "open",
        """
        elasticsearch:
          url: http://127.0.0.1:9200
        """,
        "rw-rw-rw-");
    write(
        "keychain",
        """
        elasticsearch:
          url: https://es.example:9200
          user: hopscope
          password: {keychain: true}
        """,
        "rw-r--r--");

    assertThat(store().notices(store().load("open"))).isEmpty();
    assertThat(store().notices(store().load("keychain"))).isEmpty();
  }

  @Test
  void savingAProfileMakesItOwnerOnlyAgain() throws IOException {
    Path file = write("prod", PASSWORD_PROFILE, "rw-r--r--");
    ConnectionProfile loaded = store().load("prod");
    assertThat(store().notices(loaded)).hasSize(1);

    store().save(loaded);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(store().notices(store().load("prod"))).isEmpty();
  }
}
