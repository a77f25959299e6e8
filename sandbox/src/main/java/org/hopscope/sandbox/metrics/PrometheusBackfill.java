package org.hopscope.sandbox.metrics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.hopscope.sandbox.SandboxException;

/**
 * Runs {@code promtool tsdb create-blocks-from openmetrics} to turn recorded history into blocks.
 */
public final class PrometheusBackfill {

  private static final int OUTPUT_TAIL_CHARS = 4_000;

  private PrometheusBackfill() {}

  /**
   * Creates TSDB blocks from {@code openMetricsFile} into {@code outDir} (created if missing);
   * returns {@code outDir}. Blocks a few seconds per million samples.
   *
   * @throws SandboxException if promtool is not on the PATH or rejects the file (the message
   *     carries the end of promtool's output and the file's path)
   */
  public static Path createBlocks(Path openMetricsFile, Path outDir) {
    Path promtool =
        findOnPath("promtool")
            .orElseThrow(
                () ->
                    new SandboxException(
                        "promtool was not found on the PATH; it turns the recorded metrics into"
                            + " Prometheus blocks. Install Prometheus (Debian/Ubuntu: sudo apt-get"
                            + " install prometheus; else https://prometheus.io/download/) and put"
                            + " promtool on the PATH."));
    List<String> command =
        List.of(
            promtool.toString(),
            "tsdb",
            "create-blocks-from",
            "openmetrics",
            openMetricsFile.toString(),
            outDir.toString());
    try {
      Files.createDirectories(outDir);
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      if (exit != 0) {
        throw new SandboxException(
            "promtool could not turn the recorded metrics "
                + openMetricsFile
                + " into Prometheus blocks in "
                + outDir
                + " (exit "
                + exit
                + "); its output ends with:\n"
                + tail(output)
                + "\nCheck the file's format (OpenMetrics, ending with '# EOF').");
      }
      return outDir;
    } catch (IOException e) {
      throw new SandboxException(
          "Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while promtool was writing blocks to " + outDir, e);
    }
  }

  /** The executable called {@code name} in the first PATH folder that has one. */
  static Optional<Path> findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.length() <= OUTPUT_TAIL_CHARS
        ? trimmed
        : "..." + trimmed.substring(trimmed.length() - OUTPUT_TAIL_CHARS);
  }
}
