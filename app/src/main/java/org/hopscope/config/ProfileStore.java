package org.hopscope.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hopscope.model.Notice;

/**
 * Connection profiles as files {@code <config dir>/profiles/NAME.yaml}. Saved files are readable by
 * their owner only (mode 600 on POSIX): they may hold passwords and tokens; a stored file other
 * users can open while it holds a secret gets a warning ({@link #notices}).
 */
public final class ProfileStore {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final ConfigDirs dirs;

  public ProfileStore(ConfigDirs dirs) {
    this.dirs = dirs;
  }

  /** The file of profile {@code name} (whether it exists or not). */
  public Path file(String name) {
    requireName(name);
    return dirs.profilesDir().resolve(name + ".yaml");
  }

  /** Names of the stored profiles, sorted; empty when there are none. */
  public List<String> list() {
    Path dir = dirs.profilesDir();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .filter(n -> NAME.matcher(n).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ConfigException(dir.toString(), "cannot list profiles: " + e);
    }
  }

  /** Reads profile {@code name}; ConfigException when missing (naming the others) or invalid. */
  public ConnectionProfile load(String name) {
    Path file = file(name);
    if (!Files.isRegularFile(file)) {
      List<String> known = list();
      throw new ConfigException(
          file.toString(),
          "no profile '"
              + name
              + "'"
              + (known.isEmpty()
                  ? "; none are stored yet"
                  : " (profiles: " + String.join(", ", known) + ")"));
    }
    String text;
    try {
      text = ConfigFiles.read(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot read: " + e);
    }
    return ProfileFormat.read(name, text, file.toString(), file.getParent());
  }

  /**
   * What the user must know about the stored file of {@code profile}: a warning when it holds
   * secrets and other users can read or write it (fix: {@code chmod 600}); empty otherwise.
   */
  public List<Notice> notices(ConnectionProfile profile) {
    return ProfilePermissions.check(file(profile.name()), profile).stream().toList();
  }

  /** Writes {@code profile} (replacing one of the same name), owner-only; returns the file. */
  public Path save(ConnectionProfile profile) {
    Path file = file(profile.name());
    try {
      AtomicFiles.write(file, ProfileFormat.write(profile), true);
      return file;
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot write the profile: " + e);
    }
  }

  /** Deletes profile {@code name}; false when there was none. */
  public boolean delete(String name) {
    Path file = file(name);
    try {
      return Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "cannot delete the profile: " + e);
    }
  }

  private static void requireName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new ConfigException(
          "profile name",
          "'"
              + name
              + "' is not a profile name; use letters, digits, '.', '_' and '-' (e.g. prod-eu)");
    }
  }
}
