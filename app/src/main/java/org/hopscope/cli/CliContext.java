package org.hopscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;

/**
 * What the commands get from the outside world, passed in so tests can run them in-process.
 *
 * @param env environment variables
 * @param system system properties ({@code hopscope.home}: the installation with {@code queries/})
 * @param clock the time for {@code now}
 * @param workingDir where relative paths start
 * @param out standard output (results): exact, for {@code --json}; people's output goes through
 *     {@link #terminal()}
 * @param err standard error (progress, warnings, errors); {@link Main#run} wraps it in a {@link
 *     TerminalWriter}
 */
public record CliContext(
    Map<String, String> env,
    Properties system,
    Clock clock,
    Path workingDir,
    PrintWriter out,
    PrintWriter err) {

  /**
   * Standard output for people: a {@link TerminalWriter} over {@link #out}, so nothing printed
   * there reaches the terminal as a control sequence. {@code --json} writes to {@link #out}.
   */
  public PrintWriter terminal() {
    return TerminalWriter.over(out);
  }

  /** This context with standard error made terminal-safe ({@link TerminalWriter}). */
  CliContext withTerminalErr() {
    return new CliContext(env, system, clock, workingDir, out, TerminalWriter.over(err));
  }

  /** The default path definitions: {@code $hopscope.home/queries}, else {@code ./queries}. */
  public Path defaultPathsDir() {
    String home = system.getProperty("hopscope.home");
    return home != null ? Path.of(home, "queries") : workingDir.resolve("queries");
  }
}
