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
 * @param out standard output (results)
 * @param err standard error (progress, warnings, errors)
 */
public record CliContext(
    Map<String, String> env,
    Properties system,
    Clock clock,
    Path workingDir,
    PrintWriter out,
    PrintWriter err) {

  /** The default path definitions: {@code $hopscope.home/queries}, else {@code ./queries}. */
  public Path defaultPathsDir() {
    String home = system.getProperty("hopscope.home");
    return home != null ? Path.of(home, "queries") : workingDir.resolve("queries");
  }
}
