package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The list of state folders {@code up} has used ({@value #FILE_NAME}, one absolute path a line), so
 * {@code purge} finds folders made with {@code --dir} anywhere. It lives in Hopscope's data folder:
 * system property {@code hopscope.data.dir}, environment variable {@code HOPSCOPE_DATA_DIR}, else
 * beside the default state folder ({@code $XDG_DATA_HOME/hopscope/}). The build points tests at
 * their own data folder, so test sandboxes never enter the user's list.
 *
 * @param file the list's file
 */
public record SandboxRegistry(Path file) {

  /** The file's name. */
  public static final String FILE_NAME = "sandboxes.txt";

  /** The user's list, by the rules above. */
  public static SandboxRegistry forUser(Map<String, String> env, Properties system) {
    String property = system.getProperty("hopscope.data.dir");
    if (property != null && !property.isBlank()) {
      return new SandboxRegistry(Path.of(property).resolve(FILE_NAME));
    }
    String fromEnv = env.get("HOPSCOPE_DATA_DIR");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return new SandboxRegistry(Path.of(fromEnv).resolve(FILE_NAME));
    }
    return new SandboxRegistry(SandboxConfig.defaultDir().getParent().resolve(FILE_NAME));
  }

  /** The user's list for this process. */
  public static SandboxRegistry forUser() {
    return forUser(System.getenv(), System.getProperties());
  }

  /** The folders listed (absolute, in the order first used); empty when there is no list. */
  public List<Path> folders() {
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SandboxException("cannot read the list of sandboxes " + file + ": " + e, e);
    }
  }

  /** Adds {@code dir} when it is not listed yet. */
  public void add(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    update(
        folders -> {
          Set<Path> all = new LinkedHashSet<>(folders);
          all.add(abs);
          return new ArrayList<>(all);
        });
  }

  /** Removes {@code dirs} from the list. */
  public void remove(List<Path> dirs) {
    update(
        folders -> {
          List<Path> kept = new ArrayList<>(folders);
          kept.removeAll(dirs);
          return kept;
        });
  }

  /** Read, change and write the list under a file lock (several {@code up}s may run at once). */
  private void update(UnaryOperator<List<Path>> change) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Path> before = parse(text);
        List<Path> after = change.apply(before);
        if (after.equals(before)) {
          return;
        }
        StringBuilder out = new StringBuilder();
        after.forEach(p -> out.append(p).append('\n'));
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap(bytes), 0);
      }
    } catch (IOException e) {
      throw new SandboxException("cannot update the list of sandboxes " + file + ": " + e, e);
    }
  }

  private static List<Path> parse(String text) {
    List<Path> folders = new ArrayList<>();
    for (String line : text.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && Path.of(l).isAbsolute()) {
        folders.add(Path.of(l).normalize());
      }
    }
    return folders;
  }
}
