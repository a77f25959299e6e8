package org.hopscope.ui.shell;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.ProfileResolver;
import org.hopscope.config.ProfileStore;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.Engine;

/**
 * The profile the desktop client works with, its path definitions and its engine. Opening reads
 * files and builds clients, so the app calls {@link #open} through the task runner and {@link #use}
 * on the FX thread; background queries read {@link #current()} (volatile).
 */
public final class ActiveConnection implements AutoCloseable {

  /** One opened profile. */
  public record Opened(
      String profile, ResolvedConnection connection, PathCatalog catalog, Engine engine) {}

  private final Map<String, String> env;
  private final Properties system;
  private final Path workingDir;
  private final Path defaultPathsDir;
  private volatile Opened current;

  public ActiveConnection(
      Map<String, String> env, Properties system, Path workingDir, Path defaultPathsDir) {
    this.env = env;
    this.system = system;
    this.workingDir = workingDir;
    this.defaultPathsDir = defaultPathsDir;
  }

  /** The profile store of this user. */
  public ProfileStore store() {
    return new ProfileStore(ConfigDirs.detect(env, system));
  }

  /**
   * Loads profile {@code name} (environment overrides apply, as on the command line), its path
   * definitions and connects an engine. Blocking; call it off the FX thread.
   *
   * @throws ConfigException when the profile or its path definitions are wrong (file:line)
   */
  public Opened open(String name) {
    ConnectionProfile profile = store().load(name);
    ResolvedConnection connection =
        new ProfileResolver().resolve(profile, env, new ConnectionFlags(name, null, null, null));
    Path dir =
        connection.profile().pathsDir() != null
            ? workingDir.resolve(connection.profile().pathsDir())
            : defaultPathsDir;
    PathCatalog catalog = new PathDefinitions().readDirectory(dir);
    if (catalog.paths().isEmpty()) {
      throw new ConfigException(
          dir.toString(),
          "no valid path definition here"
              + (catalog.problems().isEmpty() ? "" : ": " + catalog.problems().get(0)));
    }
    return new Opened(name, connection, catalog, Engine.open(connection, w -> {}));
  }

  /** Makes {@code opened} the current connection and closes the previous one. */
  public void use(Opened opened) {
    Opened previous = current;
    current = opened;
    if (previous != null) {
      previous.engine().close();
    }
  }

  /** The current connection, or null before one was opened. */
  public Opened current() {
    return current;
  }

  /**
   * The engine and the path named {@code pathName} of the current connection.
   *
   * @throws ConfigException when no profile is connected or the path is unknown
   */
  public Bound bind(String pathName) {
    Opened c = current;
    if (c == null) {
      throw new ConfigException(
          "profile", "no connection profile in use; open Profiles (top right) and choose one");
    }
    PathDef path =
        c.catalog()
            .path(pathName)
            .orElseThrow(
                () -> new ConfigException("path", "no path '" + pathName + "' in " + c.profile()));
    return new Bound(c.engine(), path);
  }

  /** An engine and a path. */
  public record Bound(Engine engine, PathDef path) {}

  @Override
  public void close() {
    Opened previous = current;
    current = null;
    if (previous != null) {
      previous.engine().close();
    }
  }
}
