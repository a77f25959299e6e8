package org.hopscope.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code sandbox} connection profile that {@code up} leaves in the user's configuration folder,
 * so {@code hopscope flow --profile sandbox} just works. Written in the profile format of the app
 * ({@code org.hopscope.config.ProfileStore}, docs/connection-profiles.md); a test in the app reads
 * what this writes, so the two cannot drift. Owner-only (mode 600): in security mode it holds the
 * sandbox's throwaway password.
 */
public final class SandboxProfile {

  /** The profile's name. */
  public static final String NAME = "sandbox";

  private final Path configDir;

  /**
   * @param configDir Hopscope's configuration folder; the profile goes to {@code
   *     profiles/sandbox.yaml} in it
   */
  public SandboxProfile(Path configDir) {
    this.configDir = configDir;
  }

  /**
   * The user's configuration folder by the app's rules ({@code ConfigDirs}): system property {@code
   * hopscope.config.dir}, environment variable {@code HOPSCOPE_CONFIG_DIR}, macOS {@code
   * ~/Library/Application Support/Hopscope}, Windows {@code %APPDATA%\Hopscope}, else {@code
   * $XDG_CONFIG_HOME/hopscope} or {@code ~/.config/hopscope}.
   */
  public static Path configDir(Map<String, String> env, Properties system) {
    String override = system.getProperty("hopscope.config.dir");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    String fromEnv = env.get("HOPSCOPE_CONFIG_DIR");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    Path home = Path.of(system.getProperty("user.home", "."));
    String os = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return home.resolve("Library").resolve("Application Support").resolve("Hopscope");
    }
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base =
          appData != null && !appData.isBlank()
              ? Path.of(appData)
              : home.resolve("AppData").resolve("Roaming");
      return base.resolve("Hopscope");
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : home.resolve(".config");
    return base.resolve("hopscope");
  }

  /** Where the profile is written. */
  public Path file() {
    return configDir.resolve("profiles").resolve(NAME + ".yaml");
  }

  /** Writes the profile for {@code state} (replacing an older one) and returns its file. */
  public Path write(SandboxState state) {
    Path file = file();
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + NAME, ".tmp");
      try {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, text(state), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return file;
    } catch (IOException e) {
      throw new SandboxException("cannot write the sandbox profile " + file + ": " + e, e);
    }
  }

  /** The profile's YAML text. */
  static String text(SandboxState state) {
    StringBuilder out = new StringBuilder();
    out.append("# Hopscope connection profile 'sandbox', written by `hopscope sandbox up`;\n")
        .append("# rewritten on every up. Format: docs/connection-profiles.md\n")
        .append("elasticsearch:\n")
        .append("  url: ")
        .append(quoted(state.elasticsearchUrl()))
        .append('\n');
    if (state.security()) {
      out.append("  auth: basic\n")
          .append("  user: ")
          .append(quoted(state.user()))
          .append('\n')
          .append("  password: ")
          .append(quoted(state.password()))
          .append('\n')
          .append("  tls:\n")
          .append("    ca: ")
          .append(quoted(state.caCertificate().toAbsolutePath().toString()))
          .append('\n');
    } else {
      out.append("  auth: none\n");
    }
    out.append("prometheus:\n")
        .append("  url: ")
        .append(quoted(state.prometheusUrl()))
        .append('\n')
        .append("  auth: none\n");
    return out.toString();
  }

  /** A JSON string literal, which is also a YAML double-quoted scalar. */
  private static String quoted(String value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a string always serializes", e);
    }
  }
}
