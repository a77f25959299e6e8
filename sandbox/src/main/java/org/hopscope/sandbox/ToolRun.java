package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external command-line tool (certutil, useradd, apt-get, chown, ...) that must
 * finish: output captured, a time limit, and a {@link SandboxException} naming the command and
 * showing its output when it fails.
 *
 * @param command the program and its arguments
 * @param environment extra environment variables (never null; may be empty)
 * @param workingDir working directory, or null for the current one
 * @param timeout how long the tool may run before it is killed
 */
public record ToolRun(
    List<String> command, Map<String, String> environment, Path workingDir, Duration timeout) {

  /** A run of {@code command} with no extra environment, in the current folder, 2 minutes max. */
  public static ToolRun of(List<String> command) {
    return new ToolRun(command, Map.of(), null, Duration.ofMinutes(2));
  }

  public ToolRun withEnvironment(Map<String, String> env) {
    return new ToolRun(command, env, workingDir, timeout);
  }

  public ToolRun in(Path dir) {
    return new ToolRun(command, environment, dir, timeout);
  }

  public ToolRun within(Duration limit) {
    return new ToolRun(command, environment, workingDir, limit);
  }

  /** The outcome: exit code and the combined stdout+stderr text. */
  public record Result(int exitCode, String output) {
    public boolean ok() {
      return exitCode == 0;
    }
  }

  /** Runs the tool and returns its result whatever the exit code (fails only if it can't run). */
  public Result result() {
    Path out = null;
    try {
      out = Files.createTempFile("hopscope-tool", ".log");
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      if (workingDir != null) {
        pb.directory(workingDir.toFile());
      }
      pb.environment().putAll(environment);
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new SandboxException(
            "`"
                + String.join(" ", command)
                + "` did not finish within "
                + timeout.toSeconds()
                + " s; output so far:\n"
                + Files.readString(out, StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SandboxException(
          "cannot run `" + String.join(" ", command) + "`: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("interrupted while running `" + command.get(0) + "`", e);
    } finally {
      deleteQuietly(out);
    }
  }

  /** Runs the tool and returns its output; a non-zero exit is a {@link SandboxException}. */
  public String output() {
    Result r = result();
    if (!r.ok()) {
      throw new SandboxException(
          "`"
              + String.join(" ", command)
              + "` failed with exit code "
              + r.exitCode()
              + ":\n"
              + r.output().strip());
    }
    return r.output();
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file in /tmp is harmless; the tool's outcome is what matters
      System.getLogger(ToolRun.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot delete " + file, e);
    }
  }
}
