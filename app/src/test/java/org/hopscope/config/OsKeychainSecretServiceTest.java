package org.hopscope.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hopscope.faults.Fault;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OS keychain for real on Linux: each case runs {@link KeychainChild} in a child JVM inside its
 * own D-Bus session ({@code dbus-run-session}) with its own gnome-keyring-daemon (HOME and XDG
 * folders in a temporary directory, so the user's keyring is never touched). Skipped, saying why,
 * only where the OS has no Secret Service to test against ({@code ./hopscope check} installs dbus
 * and gnome-keyring). Every child is given up after {@link #LIMIT_SECONDS} s, so nothing hangs.
 */
@Fault(Fault.Area.SECRETS)
class OsKeychainSecretServiceTest {

  /** Far above the few seconds a case takes: only a hang reaches it. */
  private static final long LIMIT_SECONDS = 90;

  private static final String PROFILE =
      """
      elasticsearch:
        url: https://es.example:9200
        auth: basic
        user: hopscope
        password: "in-the-file"
      """;

  @TempDir Path home;
  Path config;

  @BeforeEach
  void linuxWithASecretService() throws IOException {
    Assumptions.assumeTrue(
        System.getProperty("os.name").startsWith("Linux"),
        "the Secret Service test runs on Linux (macOS Keychain, Windows Credential Manager: by"
            + " hand)");
    Assumptions.assumeTrue(
        onPath("dbus-run-session") && onPath("gnome-keyring-daemon"),
        "no dbus-run-session or gnome-keyring-daemon: apt-get install dbus gnome-keyring"
            + " (./hopscope check does)");
    config = home.resolve("config");
    Path profiles = config.resolve("profiles");
    Files.createDirectories(profiles);
    Files.writeString(profiles.resolve("prod.yaml"), PROFILE);
  }

  @Test
  void anUnlockedKeyringStoresReadsAndDeletesAndTheCliMovesAPasswordIntoIt() throws Exception {
    List<String> lines =
        run(
            "echo -n unlock-pw | gnome-keyring-daemon --unlock --components=secrets"
                + " >/dev/null 2>&1; exec \"$@\"",
            "unlocked",
            "cli-secret\n");

    Path file = config.resolve("profiles").resolve("prod.yaml");
    assertThat(lines)
        .containsExactly(
            "available true",
            "read s3cret ü",
            "missing MISSING: no entry Hopscope / t/prometheus/token in the OS keychain",
            "deleted true",
            "deleted again false",
            "cli exit 0",
            "cli out stored the elasticsearch password of profile 'prod' in the OS keychain"
                + " (Hopscope / prod/elasticsearch/password); "
                + file
                + " now says password: {keychain: true}",
            "cli err ",
            "file   password: {keychain: true}",
            "keychain cli-secret",
            "connected true");
    assertThat(Files.readString(file)).doesNotContain("in-the-file").doesNotContain("cli-secret");
  }

  @Test
  void aLockedKeyringFailsPromptlyInsteadOfHanging() throws Exception {
    List<String> lines =
        run(
            "gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1; exec \"$@\"",
            "locked",
            "");

    assertThat(lines).containsExactly("available true", "write FAILED");
  }

  @Test
  void noSessionBusMeansNoKeychainAndAKeychainProfileSaysWhatToDo() throws Exception {
    Files.writeString(
        config.resolve("profiles").resolve("prod.yaml"),
        PROFILE.replace("password: \"in-the-file\"", "password: {keychain: true}"));

    List<String> lines = runWithoutBus("none");

    String noKeychain =
        "no OS keychain found (Linux: a Secret Service such as gnome-keyring or KeePassXC running"
            + " on the session D-Bus; macOS: Keychain; Windows: Credential Manager)";
    assertThat(lines)
        .containsExactly(
            "unavailable " + noKeychain,
            "refused profile 'prod': the elasticsearch password is kept in the OS keychain"
                + " (password: {keychain: true}) but it cannot be read: "
                + noKeychain
                + "; store it with: hopscope profile secret set prod --elasticsearch (or in the"
                + " client's profiles dialog), or set HOPSCOPE_ES_PASSWORD for this session");
  }

  /** {@code dbus-run-session -- sh -c SCRIPT java ... KeychainChild SCENARIO CONFIG}. */
  private List<String> run(String script, String scenario, String stdin) throws Exception {
    List<String> command = new ArrayList<>(List.of("dbus-run-session", "--", "sh", "-c", script));
    command.add("sh");
    command.addAll(child(scenario));
    return start(command, stdin, true);
  }

  private List<String> runWithoutBus(String scenario) throws Exception {
    return start(child(scenario), "", false);
  }

  private List<String> child(String scenario) {
    return List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        KeychainChild.class.getName(),
        scenario,
        config.toString());
  }

  private List<String> start(List<String> command, String stdin, boolean bus) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
    Map<String, String> env = pb.environment();
    env.keySet()
        .removeIf(k -> k.startsWith("DBUS_") || k.startsWith("XDG_") || k.equals("DISPLAY"));
    env.put("HOME", home.toString());
    env.put("XDG_DATA_HOME", home.resolve("data").toString());
    env.put("XDG_CONFIG_HOME", home.resolve("xdg-config").toString());
    env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
    Path runtime = Files.createDirectories(home.resolve("run"));
    Files.setPosixFilePermissions(
        runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    env.put("XDG_RUNTIME_DIR", runtime.toString());
    Path err = home.resolve("child.err");
    Path out = home.resolve("child.out");
    pb.redirectError(err.toFile()).redirectOutput(out.toFile());
    Process p = pb.start();
    try {
      p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      assertThat(p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS))
          .as("the child ends (stderr: %s)", Files.readString(err))
          .isTrue();
      assertThat(p.exitValue()).as("exit code; stderr: %s", Files.readString(err)).isZero();
      return Files.readString(out, StandardCharsets.UTF_8).lines().toList();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }
}
