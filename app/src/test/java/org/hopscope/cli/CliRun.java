package org.hopscope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/** Runs the command line in-process and keeps what it printed. */
final class CliRun {

  final int exitCode;
  final String out;
  final String err;

  private CliRun(int exitCode, String out, String err) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
  }

  /** {@code hopscope ARGS} with an empty environment and this checkout as the installation. */
  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  static CliRun run(Map<String, String> env, String... args) {
    return run(env, Clock.systemUTC(), Path.of("").toAbsolutePath(), args);
  }

  /** With a given clock and working directory (relative paths start there). */
  static CliRun run(Map<String, String> env, Clock clock, Path workingDir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Properties system = new Properties();
    system.setProperty("hopscope.home", System.getProperty("hopscope.home"));
    system.setProperty("user.home", System.getProperty("user.home"));
    system.setProperty("hopscope.config.dir", System.getProperty("hopscope.config.dir"));
    int code =
        Main.run(
            new CliContext(
                env,
                system,
                clock,
                workingDir,
                new PrintWriter(out, true),
                new PrintWriter(err, true)),
            args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
