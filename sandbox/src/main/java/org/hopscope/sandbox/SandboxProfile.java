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
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The connection profile that {@code up} leaves in the user's configuration folder, so {@code
 * hopscope flow --profile sandbox} just works: {@value #NAME} for the default state folder, {@code
 * sandbox-<folder name>} (or {@code up --profile NAME}) for any other ({@link
 * SandboxConfig#profile()}). Written in the profile format of the app ({@code
 * org.hopscope.config.ProfileStore}, docs/connection-profiles.md); a test in the app reads what
 * this writes, so the two cannot drift. A comment line names the search engine (OpenSearch runs
 * without credentials, so its profile has none and says why). Owner-only (mode 600): in security
 * mode it holds the sandbox's throwaway password of the read-only user.
 *
 * <p>The file names the state folder it was written for ({@value #OWNER}); {@code up} rewrites only
 * a profile of its own folder (or a missing one), never another sandbox's or a hand-made profile of
 * the same name, and leaves the file untouched when nothing in it would change.
 */
public final class SandboxProfile {

  /** The default sandbox's profile name. */
  public static final String NAME = "sandbox";

  /** The comment line that names the state folder the profile belongs to. */
  static final String OWNER = "# sandbox state folder: ";

  /** The comment line that names the sandbox's search engine and its version. */
  static final String ENGINE = "# search engine: ";

  private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** What {@link #write} did. */
  public enum Outcome {
    /** The file was missing or said something else: written. */
    WRITTEN,
    /** The file already said exactly this: left as it was. */
    UNCHANGED
  }

  /**
   * What {@link #write} did.
   *
   * @param file the profile's file
   * @param outcome written or unchanged
   */
  public record Written(Path file, Outcome outcome) {}

  private final Path configDir;
  private final String name;

  /**
   * @param configDir Hopscope's configuration folder; the profile goes to {@code
   *     profiles/NAME.yaml} in it
   * @param name the profile's name (letters, digits, '.', '_' and '-')
   */
  public SandboxProfile(Path configDir, String name) {
    this.configDir = configDir;
    this.name = requireName(name);
  }

  /** The default sandbox's profile {@value #NAME} in {@code configDir}. */
  public SandboxProfile(Path configDir) {
    this(configDir, NAME);
  }

  /** {@code name} when it is a profile name (as the app's ProfileStore accepts), else fails. */
  public static String requireName(String name) {
    if (name == null || !NAME_PATTERN.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "'"
              + name
              + "' is not a profile name; use letters, digits, '.', '_' and '-' (e.g."
              + " sandbox-2)");
    }
    return name;
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

  /** The profile's name. */
  public String name() {
    return name;
  }

  /** Where the profile is written. */
  public Path file() {
    return configDir.resolve("profiles").resolve(name + ".yaml");
  }

  /**
   * Writes the profile of the sandbox in {@code stateDir} for {@code state}, unless it already says
   * exactly that. Fails, writing nothing, when the file belongs to another state folder or was not
   * written by a sandbox (except an old {@value #NAME} profile of the default folder).
   */
  public Written write(SandboxState state, Path stateDir) {
    Path file = file();
    String text = text(state, name, stateDir);
    Optional<String> old = read(file);
    if (old.isPresent()) {
      if (old.get().equals(text)) {
        return new Written(file, Outcome.UNCHANGED);
      }
      requireOwn(file, old.get(), stateDir);
    }
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), "." + name, ".tmp");
      try {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
      return new Written(file, Outcome.WRITTEN);
    } catch (IOException e) {
      throw new SandboxException("cannot write the sandbox profile " + file + ": " + e, e);
    }
  }

  private static Optional<String> read(Path file) {
    try {
      return Files.isRegularFile(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      throw new SandboxException("cannot read the profile " + file + ": " + e, e);
    }
  }

  /** Fails unless {@code text} (the file's) is this state folder's profile. */
  private void requireOwn(Path file, String text, Path stateDir) {
    Optional<String> owner =
        text.lines()
            .filter(l -> l.startsWith(OWNER))
            .map(l -> l.substring(OWNER.length()))
            .findFirst();
    if (owner.isPresent() && owner.get().equals(quoted(stateDir.toString()))) {
      return;
    }
    boolean oldDefault =
        owner.isEmpty()
            && name.equals(NAME)
            && text.startsWith(
                "# Hopscope connection profile 'sandbox', written by `hopscope sandbox up`")
            && stateDir.equals(SandboxConfig.defaultDir().toAbsolutePath().normalize());
    if (oldDefault) {
      return;
    }
    throw new SandboxException(
        "the profile '"
            + name
            + "' ("
            + file
            + ") "
            + owner
                .map(o -> "belongs to the sandbox in " + o)
                .orElse("was not written by this sandbox")
            + "; it was left alone. Name this sandbox's profile with `up --profile NAME`, or"
            + " delete that file if it is no longer used.");
  }

  /**
   * The profile's YAML text for the sandbox in {@code stateDir}: in security mode the read-only
   * user ({@link SandboxState#readerUser()}; the superuser only for a state written before there
   * was one).
   */
  static String text(SandboxState state, String name, Path stateDir) {
    StringBuilder out = new StringBuilder();
    out.append("# Hopscope connection profile '")
        .append(name)
        .append("', written by `hopscope sandbox up`; rewritten by\n")
        .append("# that sandbox's up when it changes. Format: docs/connection-profiles.md\n")
        .append(OWNER)
        .append(quoted(stateDir.toString()))
        .append('\n')
        .append(ENGINE)
        .append(state.searchEngine().displayName())
        .append(' ')
        .append(state.searchEngine().version())
        .append(
            state.searchEngine().supportsSecurity()
                ? ""
                : " (no credentials: its integ-test distribution has no security plugin)")
        .append('\n')
        .append("elasticsearch:\n")
        .append("  url: ")
        .append(quoted(state.elasticsearchUrl()))
        .append('\n');
    if (state.security()) {
      boolean reader = state.readerUser() != null;
      out.append("  auth: basic\n")
          .append("  user: ")
          .append(quoted(reader ? state.readerUser() : state.user()))
          .append('\n')
          .append("  password: ")
          .append(quoted(reader ? state.readerPassword() : state.password()))
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
    if (state.alertmanagerUrl() != null) {
      out.append("alertmanager:\n")
          .append("  url: ")
          .append(quoted(state.alertmanagerUrl()))
          .append('\n')
          .append("  auth: none\n");
    }
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
