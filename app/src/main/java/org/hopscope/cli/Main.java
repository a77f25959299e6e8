package org.hopscope.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.hopscope.oncall.FailureKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code hopscope}: the command line on the same engine as the desktop client. */
@Command(
    name = "hopscope",
    mixinStandardHelpOptions = true,
    description = "Follow business messages across integration paths (Elasticsearch + Prometheus).",
    subcommands = {
      FlowCommand.class,
      StuckCommand.class,
      PathsCommand.class,
      PlaybookCommand.class,
      IncidentCommand.class,
      ExportCommand.class,
      DataCommand.class,
      BenchCommand.class
    })
public final class Main {

  private final CliContext context;

  public Main(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  public static void main(String[] args) {
    CliContext ctx =
        new CliContext(
            System.getenv(),
            System.getProperties(),
            Clock.systemUTC(),
            Path.of("").toAbsolutePath(),
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(run(ctx, args));
  }

  /** Runs one command line; returns the exit code (docs/cli-json.md). */
  public static int run(CliContext ctx, String... args) {
    CommandLine cl = new CommandLine(new Main(ctx));
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          FailureKind kind = FailureKind.of(ex);
          if (kind == null) {
            throw ex;
          }
          ctx.err().println("hopscope: " + kind.message(ex));
          ctx.err().flush();
          return ExitCodes.of(kind);
        });
    return cl.execute(args);
  }
}
