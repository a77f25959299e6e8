package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.hopscope.sandbox.metrics.LiveState;
import org.hopscope.sandbox.seed.PaymentsManifest;

/**
 * {@code sandbox purge}: finds the state of stopped sandboxes and removes it. It looks at the state
 * folders of the {@link SandboxRegistry} (every folder {@code up} used) and the default one, or
 * only at the {@code --dir} folders given; as root also at every Elasticsearch folder in {@link
 * ElasticsearchNode#ROOT_BASE} (a state folder deleted by hand, e.g. {@code mvn clean}, leaves its
 * Elasticsearch there).
 *
 * <p>What it removes, and nothing else: in a state folder only the entries the sandbox writes
 * ({@link #OWN}; anything else is kept and named, and the folder itself goes only when empty), and
 * as root that folder's Elasticsearch folder {@code <hash>/} under the root base. A folder in use
 * ({@link FolderUse}: running processes, {@code up} at work) is never touched; nor a folder without
 * a sandbox's marks, the file-system root or the home folder.
 */
public final class SandboxPurge {

  /** What the sandbox writes into a state folder (the marker last). */
  static final List<String> OWN =
      List.of(
          "elasticsearch",
          "opensearch",
          "prometheus",
          "alertmanager",
          "logs",
          "run",
          "security",
          "blocks",
          "config",
          "history.om.txt",
          LiveState.FILE_NAME,
          PaymentsManifest.FILE_NAME,
          "manifest.json",
          "sandbox.json",
          StateFolderLock.FILE);

  /**
   * One sandbox purge looked at.
   *
   * @param stateFolder its state folder (may no longer exist), null when unknown
   * @param elasticsearchFolder as root its Elasticsearch folder under the root base, else null
   * @param bytes what removing it frees
   * @param inUse why it is kept, null when it can be removed
   * @param kept entries of the state folder that are not the sandbox's (kept)
   */
  public record Entry(
      Path stateFolder, Path elasticsearchFolder, long bytes, String inUse, List<Path> kept) {

    public boolean removable() {
      return inUse == null;
    }
  }

  private final SandboxRegistry registry;
  private final Path defaultDir;
  private final List<Path> only;
  private final Path elasticsearchRoot;
  private final FolderUse use = new FolderUse();

  /**
   * @param registry the list of state folders {@code up} used
   * @param defaultDir the default state folder
   * @param only the state folders to look at ({@code --dir}); empty for all known ones
   * @param elasticsearchRoot as root {@link ElasticsearchNode#ROOT_BASE}, else null
   */
  public SandboxPurge(
      SandboxRegistry registry, Path defaultDir, List<Path> only, Path elasticsearchRoot) {
    this.registry = registry;
    this.defaultDir = defaultDir.toAbsolutePath().normalize();
    this.only = only.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.elasticsearchRoot = elasticsearchRoot;
  }

  /** The user's: the user's registry, and {@link ElasticsearchNode#ROOT_BASE} as root. */
  public static SandboxPurge forUser(List<Path> only) {
    return new SandboxPurge(
        SandboxRegistry.forUser(),
        SandboxConfig.defaultDir(),
        only,
        ElasticsearchUser.isRoot() ? ElasticsearchNode.ROOT_BASE : null);
  }

  /** Every sandbox found, removable or not. */
  public List<Entry> entries() {
    Set<Path> folders = new LinkedHashSet<>(only);
    if (only.isEmpty()) {
      folders.addAll(registry.folders());
      folders.add(defaultDir);
    }
    List<Entry> entries = new ArrayList<>();
    Set<Path> bases = new LinkedHashSet<>();
    if (elasticsearchRoot != null && only.isEmpty() && Files.isDirectory(elasticsearchRoot)) {
      try (Stream<Path> children = Files.list(elasticsearchRoot)) {
        children
            .filter(c -> c.getFileName().toString().matches("[0-9a-f]{12}"))
            .filter(c -> Files.isDirectory(c, LinkOption.NOFOLLOW_LINKS))
            .sorted()
            .forEach(bases::add);
      } catch (IOException e) {
        throw new SandboxException("cannot list " + elasticsearchRoot + ": " + e, e);
      }
      for (Path base : bases) {
        owner(base).filter(SandboxPurge::isStateFolder).ifPresent(folders::add);
      }
    }
    for (Path folder : folders) {
      Path base = elasticsearchFolder(folder);
      bases.remove(base);
      if (isStateFolder(folder) || (base != null && Files.isDirectory(base))) {
        entries.add(entry(folder, base != null && Files.isDirectory(base) ? base : null));
      }
    }
    for (Path base : bases) { // Elasticsearch folders whose state folder is gone
      entries.add(entry(owner(base).orElse(null), base));
    }
    return entries;
  }

  private Entry entry(Path folder, Path base) {
    boolean exists = folder != null && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS);
    String refused = exists ? refused(folder) : null;
    List<Path> kept = new ArrayList<>();
    long bytes = base == null ? 0 : size(base);
    if (exists && refused == null) {
      try (Stream<Path> children = Files.list(folder)) {
        for (Path child : (Iterable<Path>) children::iterator) {
          if (OWN.contains(child.getFileName().toString())) {
            bytes += size(child);
          } else {
            kept.add(child);
          }
        }
      } catch (IOException e) {
        throw new SandboxException("cannot list " + folder + ": " + e, e);
      }
    }
    String inUse = refused != null ? refused : use.why(exists ? folder : null, base).orElse(null);
    return new Entry(folder, base, bytes, inUse, List.copyOf(kept));
  }

  /** Removes {@code entry} when still not in use; returns the bytes freed. */
  public long remove(Entry entry) {
    if (!entry.removable()) {
      throw new IllegalArgumentException(entry.stateFolder() + " is kept: " + entry.inUse());
    }
    Entry now = entry(entry.stateFolder(), entry.elasticsearchFolder());
    if (!now.removable()) { // started since it was listed
      throw new SandboxException(
          "did not remove " + entry.stateFolder() + ": " + now.inUse() + " (since it was listed)");
    }
    Path folder = entry.stateFolder();
    try {
      if (folder != null && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        for (String name : OWN) {
          Tree.delete(folder.resolve(name));
        }
        if (now.kept().isEmpty()) {
          Files.deleteIfExists(folder);
        }
      }
      if (entry.elasticsearchFolder() != null) {
        Tree.delete(entry.elasticsearchFolder());
      }
    } catch (IOException e) {
      throw new SandboxException(
          "cannot remove the sandbox in " + folder + ": " + e + "; check its permissions.", e);
    }
    if (folder != null && !isStateFolder(folder)) { // gone, or only others' files are left
      registry.remove(List.of(folder));
    }
    return now.bytes();
  }

  /** Why {@code folder} is not a sandbox's to remove, or null. */
  private static String refused(Path folder) {
    Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
    if (folder.getNameCount() < 2 || folder.equals(home)) {
      return "not removed: " + folder + " is the root or home folder, not a sandbox's own";
    }
    return isStateFolder(folder)
        ? null
        : "not a sandbox state folder (no " + StateFolderLock.FILE + " or sandbox.json in it)";
  }

  private static boolean isStateFolder(Path folder) {
    return Files.isRegularFile(folder.resolve(StateFolderLock.FILE))
        || Files.isRegularFile(folder.resolve("sandbox.json"));
  }

  /** As root, the state folder's Elasticsearch folder under the root base, else null. */
  private Path elasticsearchFolder(Path folder) {
    return elasticsearchRoot == null
        ? null
        : elasticsearchRoot.resolve(ElasticsearchNode.shortHash(folder.toString()));
  }

  /** The state folder an Elasticsearch folder under the root base was made for, if it says. */
  private static Optional<Path> owner(Path base) {
    Path file = base.resolve(ElasticsearchNode.STATE_FOLDER_FILE);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      return text.isEmpty() || !Path.of(text).isAbsolute()
          ? Optional.empty()
          : Optional.of(Path.of(text).normalize());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Bytes of the regular files in {@code path} (links not followed). */
  static long size(Path path) {
    long[] total = {0};
    try {
      if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
        return 0;
      }
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile()) {
                total[0] += attrs.size();
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult.CONTINUE; // vanished or unreadable: not counted
            }
          });
    } catch (IOException e) {
      throw new SandboxException("cannot measure " + path + ": " + e, e);
    }
    return total[0];
  }
}
