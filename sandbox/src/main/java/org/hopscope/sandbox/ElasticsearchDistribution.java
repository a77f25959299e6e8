package org.hopscope.sandbox;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The search engine's server zip ({@code elasticsearch-VERSION.zip} or {@code
 * opensearch-VERSION.zip}, see {@link SearchEngine}) that Maven resolves into {@code
 * sandbox/target/dist/}, and its unpacking.
 *
 * <p>Where the zip is looked for: the engine's environment variable ({@code HOPSCOPE_ES_ZIP},
 * {@code HOPSCOPE_OPENSEARCH_ZIP}) when set, else {@code dist/ENGINE-VERSION.zip} next to this
 * module's code ({@code sandbox/target/classes} in tests and {@code
 * sandbox/target/hopscope-sandbox.jar} from the jar both have the parent {@code sandbox/target}).
 *
 * @param engine which engine the zip holds
 * @param zip the distribution zip
 * @param version its version, e.g. {@code 8.19.21}
 */
public record ElasticsearchDistribution(SearchEngine engine, Path zip, String version) {

  /** Environment variable that points to another Elasticsearch distribution zip. */
  public static final String ZIP_ENV = "HOPSCOPE_ES_ZIP";

  /** The Elasticsearch zip for {@link Versions#elasticsearch()}; fails with what to do. */
  public static ElasticsearchDistribution locate() {
    return locate(SearchEngine.ELASTICSEARCH);
  }

  /** The zip of {@code engine}'s version; fails with what to do when it is missing. */
  public static ElasticsearchDistribution locate(SearchEngine engine) {
    return locate(engine, System.getenv(engine.zipEnv()), codeLocation().getParent());
  }

  /** {@link #locate(SearchEngine, String, Path)} for Elasticsearch. */
  static ElasticsearchDistribution locate(String override, Path codeParent) {
    return locate(SearchEngine.ELASTICSEARCH, override, codeParent);
  }

  /**
   * The zip named by {@code override} (a path; null or blank for none), else {@code
   * dist/ENGINE-VERSION.zip} in {@code codeParent}.
   */
  static ElasticsearchDistribution locate(SearchEngine engine, String override, Path codeParent) {
    String version = engine.version();
    boolean overridden = override != null && !override.isBlank();
    Path zip =
        overridden ? Path.of(override) : codeParent.resolve("dist").resolve(engine.zipName());
    if (!Files.isRegularFile(zip)) {
      throw new SandboxException(
          "the "
              + engine.displayName()
              + " "
              + version
              + " distribution is missing: no file "
              + zip
              + (overridden ? " (from $" + engine.zipEnv() + ")" : "")
              + ". Build it with `./mvnw -pl sandbox package` (it is fetched into"
              + " sandbox/target/dist/"
              + (engine == SearchEngine.ELASTICSEARCH ? "" : " from " + engine.coordinates())
              + "), or point $"
              + engine.zipEnv()
              + " to an "
              + engine.zipName()
              + ".");
    }
    return new ElasticsearchDistribution(engine, zip, version);
  }

  private static Path codeLocation() {
    try {
      return Path.of(
          ElasticsearchDistribution.class
              .getProtectionDomain()
              .getCodeSource()
              .getLocation()
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the sandbox classes", e);
    }
  }

  /**
   * Unpacks the zip into {@code parent/ENGINE-VERSION} unless that folder already holds a complete
   * unpack of this version; returns the engine's home folder.
   */
  public Path unpackInto(Path parent) {
    String name = engine.id() + "-" + version;
    Path home = parent.resolve(name);
    Path done = home.resolve(".hopscope-unpacked");
    if (Files.isRegularFile(done)) {
      return home;
    }
    Path partial = parent.resolve(".unpacking-" + name);
    try {
      Tree.delete(partial);
      Tree.delete(home);
      Files.createDirectories(partial);
      try (FileSystem zipFs =
          FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", true))) {
        Path top = zipFs.getPath("/" + name);
        if (!Files.isDirectory(top)) {
          throw new SandboxException(
              zip
                  + " is not an "
                  + engine.displayName()
                  + " "
                  + version
                  + " distribution (no folder "
                  + top
                  + " inside); rebuild it with `./mvnw -pl sandbox package`.");
        }
        copyTree(top, partial);
      }
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
      Files.writeString(done, version + "\n");
      return home;
    } catch (IOException e) {
      throw new SandboxException(
          "cannot unpack "
              + zip
              + " into "
              + home
              + ": "
              + e.getMessage()
              + ". Check free space and permissions there.",
          e);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> entries = Files.walk(from)) {
      for (Path source : (Iterable<Path>) entries::iterator) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(target, permissions(source, target));
        }
      }
    }
  }

  private static Set<PosixFilePermission> permissions(Path source, Path target) throws IOException {
    Set<PosixFilePermission> perms;
    try {
      perms = Files.getPosixFilePermissions(source);
    } catch (UnsupportedOperationException e) {
      perms = Set.of();
    }
    if (perms.isEmpty()) { // zip without unix modes: scripts in bin/ must still run
      perms = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
      if (target.getParent().getFileName().toString().equals("bin")) {
        perms = java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x");
      }
    }
    return perms;
  }
}
