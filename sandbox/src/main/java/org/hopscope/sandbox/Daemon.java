package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/** Starting a long-running process that outlives this JVM and writes to a log file. */
final class Daemon {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private Daemon() {}

  /**
   * Starts {@code command} in its own session (via {@code setsid}, so a terminal's hang-up or
   * Ctrl-C does not reach it), stdout+stderr to {@code log} (emptied first, so its tail is about
   * this start), stdin from /dev/null.
   */
  static Process start(List<String> command, Path log, Path workingDir) {
    List<String> cmd = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      cmd.add(SETSID.toString()); // a child of the JVM is no group leader: setsid execs in place
    }
    cmd.addAll(command);
    try {
      Files.createDirectories(log.getParent());
      Files.createDirectories(workingDir);
      Process p =
          new ProcessBuilder(cmd)
              .directory(workingDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      return p;
    } catch (IOException e) {
      throw new SandboxException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts {@code command} like {@link #start}, records its pid in {@code pidFile} and waits up to
   * {@code timeout} until {@code ready} holds. When the process exits first, or the time runs out
   * (it is then stopped), throws {@code failure} applied to what happened ("exited while starting",
   * "was not ready within N s"); the failure names the port, its flag and the log's last lines.
   * Liveness while starting is the child's own handle, not the pid file's command-line check: until
   * the launcher has exec'd the program, its command line is still the JDK's spawn helper.
   */
  static void launch(
      List<String> command,
      Path log,
      Path workingDir,
      PidFile pidFile,
      Duration timeout,
      BooleanSupplier ready,
      Function<String, SandboxException> failure) {
    Process process = start(command, log, workingDir);
    pidFile.write(process.pid());
    boolean up =
        Poll.until(
            timeout,
            () -> {
              if (!process.isAlive()) {
                throw failure.apply("exited while starting");
              }
              return ready.getAsBoolean();
            });
    if (!up) {
      pidFile.stop(Duration.ofSeconds(15));
      throw failure.apply("was not ready within " + timeout.toSeconds() + " s");
    }
  }
}
