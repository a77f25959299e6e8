package org.hopscope.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Where Hopscope keeps the user's configuration. Computed from the environment and system
 * properties given (never read globally), so tests can point it anywhere.
 *
 * @param configDir Hopscope's own configuration folder (holds {@code profiles/})
 */
public record ConfigDirs(Path configDir) {

  /** System property that overrides everything (tests, portable installs). */
  public static final String PROPERTY = "hopscope.config.dir";

  /** Environment variable that overrides the OS rule. */
  public static final String ENV = "HOPSCOPE_CONFIG_DIR";

  /**
   * The folder by these rules, first match wins: system property {@value #PROPERTY}; environment
   * variable {@value #ENV}; macOS {@code ~/Library/Application Support/Hopscope}; Windows {@code
   * %APPDATA%\Hopscope}; otherwise {@code $XDG_CONFIG_HOME/hopscope} (when set and absolute) or
   * {@code ~/.config/hopscope}.
   *
   * @param env the process environment ({@code System.getenv()})
   * @param system the system properties ({@code System.getProperties()}); {@code os.name}, {@code
   *     user.home} and {@value #PROPERTY} are read
   */
  public static ConfigDirs detect(Map<String, String> env, Properties system) {
    String override = system.getProperty(PROPERTY);
    if (present(override)) {
      return new ConfigDirs(Path.of(override));
    }
    if (present(env.get(ENV))) {
      return new ConfigDirs(Path.of(env.get(ENV)));
    }
    Path home = Path.of(system.getProperty("user.home", "."));
    String os = system.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac")) {
      return new ConfigDirs(
          home.resolve("Library").resolve("Application Support").resolve("Hopscope"));
    }
    if (os.startsWith("windows")) {
      String appData = env.get("APPDATA");
      Path base = present(appData) ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
      return new ConfigDirs(base.resolve("Hopscope"));
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base = present(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
    return new ConfigDirs(base.resolve("hopscope"));
  }

  /** Where connection profiles are: {@code <configDir>/profiles}. */
  public Path profilesDir() {
    return configDir.resolve("profiles");
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}
