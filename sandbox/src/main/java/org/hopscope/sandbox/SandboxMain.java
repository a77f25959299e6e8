package org.hopscope.sandbox;

import org.hopscope.sandbox.seed.SeedCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code hopscope sandbox ...}: the real local Elasticsearch (or OpenSearch) + Prometheus with a
 * recorded incident.
 */
@Command(
    name = "hopscope sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description =
        "Real local Elasticsearch (or OpenSearch: up --engine opensearch) + Prometheus holding a"
            + " recorded orders-path incident.",
    subcommands = {
      UpCommand.class,
      StatusCommand.class,
      SeedCommand.class,
      DownCommand.class,
      PurgeCommand.class,
      ExporterCommand.class
    })
public final class SandboxMain {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree, also used by tests to run commands in-process. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new SandboxMain());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          if (ex instanceof SandboxException se) {
            cmd.getErr().println("hopscope sandbox: " + se.getMessage());
            return se.exitCode();
          }
          throw ex;
        });
    return cl;
  }
}
