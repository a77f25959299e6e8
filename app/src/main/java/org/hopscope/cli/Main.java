package org.hopscope.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.hopscope.config.ConfigException;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;
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
          int code;
          String message;
          if (ex instanceof ConfigException || ex instanceof IllegalArgumentException) {
            code = ExitCodes.USAGE;
            message = ex.getMessage();
          } else if (ex instanceof SourceException se) {
            code = ExitCodes.BACKEND;
            message = se.getMessage();
          } else if (ex instanceof org.hopscope.store.StoreException
              || ex instanceof java.io.UncheckedIOException) {
            code = ExitCodes.LOCAL;
            message = ex.getMessage();
          } else if (ex instanceof org.hopscope.report.MaskingException) {
            code = ExitCodes.USAGE;
            message = ex.getMessage();
          } else if (ex instanceof Cancellation.CancelledException) {
            code = ExitCodes.CANCELLED;
            message = "cancelled";
          } else {
            throw ex;
          }
          ctx.err().println("hopscope: " + message);
          ctx.err().flush();
          return code;
        });
    return cl.execute(args);
  }
}
