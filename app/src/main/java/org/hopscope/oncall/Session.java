package org.hopscope.oncall;

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

/**
 * What a backend command needs before it can ask anything: the chosen path (from the path
 * definitions) and the resolved connection (profile &lt; environment &lt; flags).
 *
 * @param path the path definition
 * @param connection where the backends are
 */
public record Session(PathDef path, ResolvedConnection connection) {

  /**
   * @throws ConfigException when the profile, a flag, the environment or the path is wrong; the
   *     message names the file:line, variable or flag
   */
  public static Session open(
      Map<String, String> env,
      Properties system,
      Path workingDir,
      Path defaultPathsDir,
      ConnectionFlags flags,
      String pathName) {
    ProfileResolver resolver = new ProfileResolver();
    ConnectionProfile profile =
        resolver
            .profileName(env, flags)
            .map(name -> new ProfileStore(ConfigDirs.detect(env, system)).load(name))
            .orElse(null);
    ResolvedConnection connection = resolver.resolve(profile, env, flags);
    Path dir =
        connection.profile().pathsDir() != null
            ? workingDir.resolve(connection.profile().pathsDir())
            : defaultPathsDir;
    PathCatalog catalog = new PathDefinitions().readDirectory(dir);
    PathDef path =
        catalog
            .path(pathName)
            .orElseThrow(
                () ->
                    new ConfigException(
                        "--path",
                        "no valid path '"
                            + pathName
                            + "' in "
                            + dir
                            + (catalog.paths().isEmpty()
                                ? ""
                                : " (known: "
                                    + String.join(
                                        ", ", catalog.paths().stream().map(PathDef::name).toList())
                                    + ")")
                            + problems(catalog)));
    return new Session(path, connection);
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
