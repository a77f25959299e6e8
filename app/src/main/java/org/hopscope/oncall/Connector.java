package org.hopscope.oncall;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ConnectionFlags;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.Keychain;
import org.hopscope.config.OsKeychain;
import org.hopscope.config.PathCatalog;
import org.hopscope.config.PathDefinitions;
import org.hopscope.config.ProfileResolver;
import org.hopscope.config.ProfileStore;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;

/**
 * Opening a connection, the one way both faces do it: the profile (named by flag or {@code
 * HOPSCOPE_PROFILE}, loaded from the user's profile store) &lt; environment &lt; flags, then the
 * path definitions of the result. The command line asks for a {@link Session} (one path), the
 * client {@link #open}s a profile (all its paths and a connected engine). The connection's notices
 * come with the result; showing them is the face's job. Blocking (reads files): the client calls it
 * off the FX thread.
 */
public final class Connector {

  private final Map<String, String> env;
  private final Properties system;
  private final Path workingDir;
  private final Path defaultPathsDir;
  private final Keychain keychain;

  /**
   * @param env environment variables (overrides, {@code HOPSCOPE_PROFILE}, config folders)
   * @param system system properties (config folders)
   * @param workingDir where a profile's relative paths folder starts
   * @param defaultPathsDir the path definitions when the profile names none
   */
  public Connector(
      Map<String, String> env, Properties system, Path workingDir, Path defaultPathsDir) {
    this(env, system, workingDir, defaultPathsDir, new OsKeychain());
  }

  /** As above, with the keychain that profiles' keychain-held secrets are read from. */
  public Connector(
      Map<String, String> env,
      Properties system,
      Path workingDir,
      Path defaultPathsDir,
      Keychain keychain) {
    this.env = env;
    this.system = system;
    this.workingDir = workingDir;
    this.defaultPathsDir = defaultPathsDir;
    this.keychain = keychain;
  }

  /** The profile store of this user. */
  public ProfileStore store() {
    return new ProfileStore(ConfigDirs.detect(env, system));
  }

  /**
   * The connection and path {@code pathName} a command runs with.
   *
   * @throws ConfigException when the profile, a flag, the environment or the path is wrong; the
   *     message names the file:line, variable or flag
   */
  public Session session(ConnectionFlags flags, String pathName) {
    Definitions d = definitions(flags);
    return new Session(pathIn(d.catalog(), d.dir(), pathName), d.connection());
  }

  /**
   * Path {@code pathName} alone, for work that needs no backend (a flow from files): from {@code
   * --paths-dir}, else the paths folder of the profile named by flag or {@code HOPSCOPE_PROFILE},
   * else the default folder. No backend URL is needed.
   *
   * @throws ConfigException when the named profile or the path is wrong
   */
  public PathDef offlinePath(ConnectionFlags flags, String pathName) {
    Path dir = defaultPathsDir;
    if (flags.pathsDir() != null && !flags.pathsDir().isBlank()) {
      dir = workingDir.resolve(flags.pathsDir());
    } else {
      Optional<String> profile = new ProfileResolver(keychain).profileName(env, flags);
      Path named = profile.map(name -> store().load(name).pathsDir()).orElse(null);
      if (named != null) {
        dir = workingDir.resolve(named);
      }
    }
    return pathIn(new PathDefinitions().readDirectory(dir), dir, pathName);
  }

  /** Path {@code pathName} of {@code catalog} (read from {@code dir}), or a --path error. */
  private static PathDef pathIn(PathCatalog catalog, Path dir, String pathName) {
    return catalog
        .path(pathName)
        .orElseThrow(
            () ->
                new ConfigException(
                    "--path",
                    String.format(
                        "no valid path '%s' in %s%s%s",
                        pathName, dir, known(catalog), problems(catalog))));
  }

  /**
   * Opens profile {@code name} (environment overrides apply, as on the command line): its path
   * definitions and a connected engine (nothing is asked of the backends yet).
   *
   * @throws ConfigException when the profile or its path definitions are wrong (file:line)
   */
  public Opened open(String name) {
    Definitions d = definitions(new ConnectionFlags(name, null, null, null));
    if (d.catalog().paths().isEmpty()) {
      throw new ConfigException(
          d.dir().toString(),
          "no valid path definition here"
              + (d.catalog().problems().isEmpty() ? "" : ": " + d.catalog().problems().get(0)));
    }
    return new Opened(name, d.connection(), d.catalog(), Engine.open(d.connection()));
  }

  /**
   * One opened profile.
   *
   * @param profile the profile's name
   * @param connection the resolved connection
   * @param catalog its path definitions (at least one valid path)
   * @param engine the engine on its backends; closing it is the holder's job
   */
  public record Opened(
      String profile, ResolvedConnection connection, PathCatalog catalog, Engine engine) {

    /**
     * What the user must know about this connection (e.g. TLS verification off), then each problem
     * of a path definition file that did not load (the valid paths are usable).
     */
    public List<Notice> notices() {
      List<Notice> all = new java.util.ArrayList<>(connection.notices());
      catalog.problems().forEach(p -> all.add(new Notice.PathFileSkipped(p.toString())));
      return List.copyOf(all);
    }
  }

  private record Definitions(ResolvedConnection connection, Path dir, PathCatalog catalog) {}

  /**
   * The connection the flags, the environment and the profile they name give; its notices start
   * with the profile file's own (a file other users can read while it holds a secret).
   *
   * @throws ConfigException when the profile, a flag or the environment is wrong, or a secret kept
   *     in the OS keychain cannot be read
   */
  public ResolvedConnection connection(ConnectionFlags flags) {
    ProfileResolver resolver = new ProfileResolver(keychain);
    ProfileStore store = store();
    ConnectionProfile profile = resolver.profileName(env, flags).map(store::load).orElse(null);
    List<Notice> notices = new ArrayList<>(profile == null ? List.of() : store.notices(profile));
    ResolvedConnection resolved = resolver.resolve(profile, env, flags);
    notices.addAll(resolved.notices());
    return new ResolvedConnection(resolved.profile(), notices);
  }

  private Definitions definitions(ConnectionFlags flags) {
    ResolvedConnection connection = connection(flags);
    Path dir =
        connection.profile().pathsDir() != null
            ? workingDir.resolve(connection.profile().pathsDir())
            : defaultPathsDir;
    return new Definitions(connection, dir, new PathDefinitions().readDirectory(dir));
  }

  private static String known(PathCatalog catalog) {
    return catalog.paths().isEmpty()
        ? ""
        : " (known: "
            + String.join(", ", catalog.paths().stream().map(PathDef::name).toList())
            + ")";
  }

  private static String problems(PathCatalog catalog) {
    if (catalog.allValid()) {
      return "";
    }
    StringBuilder b = new StringBuilder("; problems:");
    catalog.problems().forEach(p -> b.append("\n  ").append(p));
    return b.toString();
  }
}
