package org.hopscope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line and a profile's secrets: a profile file other users can read is one loud line on
 * stderr (once per command), and the password is in no output nor in the diagnostics log, even with
 * {@code --verbose} and a failing backend.
 */
@Fault(Fault.Area.SECRETS)
class ProfileSecretsCliTest {

  private static final String PASSWORD = "pw-Zq81-never-shown";

  @TempDir Path dir;

  private Path profile(String name, String mode) throws IOException {
    Path file = dir.resolve("config").resolve("profiles").resolve(name + ".yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        elasticsearch:
          url: http://127.0.0.1:%d
          user: hopscope
          password: "%s"
          connectTimeout: 2s
        """
            .formatted(closedPort(), PASSWORD));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    return file;
  }

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Properties system = new Properties();
    system.setProperty("hopscope.home", System.getProperty("hopscope.home"));
    system.setProperty("user.home", dir.toString());
    system.setProperty("hopscope.config.dir", dir.resolve("config").toString());
    system.setProperty("hopscope.data.dir", dir.resolve("data").toString());
    int code =
        Main.runLogged(
            new CliContext(
                Map.of(),
                system,
                Clock.systemUTC(),
                dir,
                new PrintWriter(out, true),
                new PrintWriter(err, true)),
            args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aProfileOthersCanReadIsOneLoudLineNamingTheFileAndTheFix() throws IOException {
    Path file = profile("prod", "rw-r--r--");

    Run run = run("flow", "--path", "orders", "--id", "ORD-1", "--profile", "prod", "--verbose");

    String warning =
        "warning: UNPROTECTED PROFILE FILE: "
            + file.toAbsolutePath()
            + " holds a password and is readable by other users (mode 0644); run: chmod 600 "
            + file.toAbsolutePath();
    assertThat(run.err().lines().filter(l -> l.contains("UNPROTECTED")))
        .as(run.toString())
        .containsExactly(warning);
    assertThat(run.err().lines().findFirst()).as(run.toString()).contains(warning);
    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.BACKEND);
    assertLogged();
    assertNoPasswordAnywhere(run);
  }

  @Test
  void anOwnerOnlyProfileIsQuietAndItsPasswordStaysSecretToo() throws IOException {
    profile("prod", "rw-------");

    Run run = run("flow", "--path", "orders", "--id", "ORD-1", "--profile", "prod", "--verbose");

    assertThat(run.err()).as(run.toString()).doesNotContain("UNPROTECTED").doesNotContain("chmod");
    assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.BACKEND);
    assertLogged();
    assertNoPasswordAnywhere(run);
  }

  @Test
  void profileListSaysWhereEachSecretLivesWithoutShowingIt() throws IOException {
    Path file = profile("prod", "rw-------");

    Run run = run("profile", "list");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out().lines()).as(run.toString()).first().isEqualTo("prod  " + file);
    assertThat(run.out())
        .contains("auth basic, password in the file (HOPSCOPE_ES_PASSWORD overrides it)");
    assertNoPasswordAnywhere(run);
  }

  /** Not in stdout, stderr or any file of the data folder (the diagnostics log). */
  private void assertNoPasswordAnywhere(Run run) throws IOException {
    assertThat(run.out()).doesNotContain(PASSWORD);
    assertThat(run.err()).doesNotContain(PASSWORD);
    if (!Files.isDirectory(dir.resolve("data"))) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(PASSWORD);
      }
    }
  }

  /** The failure was logged (so the search above had something to search). */
  private void assertLogged() throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("data"))) {
      assertThat(files.filter(f -> f.toString().endsWith(".log")).toList()).isNotEmpty();
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
