package org.hopscope.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real small file system for full-disk and noexec cases: {@code mount -t tmpfs}, which needs root
 * (CI runs as root). Where mounting is not permitted the test is skipped, saying why.
 */
final class Tmpfs implements AutoCloseable {

  private final Path mountPoint;

  private Tmpfs(Path mountPoint) {
    this.mountPoint = mountPoint;
  }

  /**
   * Mounts a tmpfs of {@code size} (e.g. "4m") with {@code options} (e.g. "noexec") on {@code
   * mountPoint}, created when missing; skips the test when that is not permitted.
   */
  static Tmpfs mount(Path mountPoint, String size, String... options)
      throws IOException, InterruptedException {
    Files.createDirectories(mountPoint);
    String all = String.join(",", prepend("size=" + size, options));
    List<String> result = run("mount", "-t", "tmpfs", "-o", all, "tmpfs", mountPoint.toString());
    Assumptions.assumeTrue(
        result.get(0).equals("0"),
        "needs `mount -t tmpfs` (root) for a real full/noexec file system; it said: "
            + result.get(1));
    return new Tmpfs(mountPoint);
  }

  Path path() {
    return mountPoint;
  }

  /** Writes a file until the file system says it is full; that file. */
  Path fill() throws IOException {
    Path filler = mountPoint.resolve("filler");
    byte[] block = new byte[4096];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException e) {
      assertThat(e).hasMessageContaining("No space left on device");
    }
    assertThat(Files.getFileStore(mountPoint).getUsableSpace()).isLessThan(4096);
    return filler;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    List<String> result = run("umount", mountPoint.toString());
    assertThat(result.get(0)).as("umount %s: %s", mountPoint, result.get(1)).isEqualTo("0");
  }

  /** Exit code and combined output of a short command. */
  private static List<String> run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return List.of("timeout", String.join(" ", command) + " did not end in 30 s");
    }
    return List.of(Integer.toString(p.exitValue()), output);
  }

  private static List<String> prepend(String first, String... rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }
}
