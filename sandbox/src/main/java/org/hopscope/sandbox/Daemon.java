package org.hopscope.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starting a long-running process that outlives this JVM and writes to a log file. */
final class Daemon {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  private Daemon() {}

  /**
   * Starts {@code command} in its own session (via {@code setsid}, so a terminal's hang-up or
   * Ctrl-C does not reach it), stdout+stderr to {@code log} (emptied first, so its tail is about
   * this start), stdin from /dev/null; returns its pid.
   */
  static long start(List<String> command, Path log, Path workingDir) {
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
      return p.pid();
    } catch (IOException e) {
      throw new SandboxException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
  }
}
