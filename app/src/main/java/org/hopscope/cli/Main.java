package org.hopscope.cli;

import java.io.PrintWriter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.hopscope.oncall.AsyncThreads;
import org.hopscope.oncall.DiagnosticsLog;
import org.hopscope.oncall.FailureKind;
import org.hopscope.source.Cancellation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** {@code hopscope}: the command line on the same engine as the desktop client. */
@Command(
    name = "hopscope",
    mixinStandardHelpOptions = true,
    description = "Follow business messages across integration paths (Elasticsearch + Prometheus).",
    subcommands = {
      FlowCommand.class,
      CompareCommand.class,
      StuckCommand.class,
      AlertsCommand.class,
      PathsCommand.class,
      PlaybookCommand.class,
      IncidentCommand.class,
      ExportCommand.class,
      DataCommand.class,
      ProfileCommand.class,
      BenchCommand.class
    })
public final class Main {

  private static final Logger LOG = System.getLogger(Main.class.getName());

  private final CliContext context;

  /** Counted down when {@link #run} has its exit code: what {@link CtrlC} waits for. */
  private final CountDownLatch finished = new CountDownLatch(1);

  /** On every command; read from the parse result, where each subcommand has its copy. */
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Diagnostics on stderr too (always in the log: hopscope data).")
  boolean verbose;

  public Main(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  /**
   * Cancels {@code command}'s backend work on Ctrl-C while open; the JVM then waits for this run's
   * exit code (at most {@link CtrlC#GRACE}) so the command can say what was interrupted.
   */
  CtrlC ctrlC(String command) {
    return new CtrlC(command, finished);
  }

  public static void main(String[] args) {
    AsyncThreads.reuse();
    CliContext ctx =
        new CliContext(
            System.getenv(),
            System.getProperties(),
            Clock.systemUTC(),
            Path.of("").toAbsolutePath(),
            new PrintWriter(System.out, true, StandardCharsets.UTF_8),
            new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(runLogged(ctx, args));
  }

  /**
   * As {@link #run}, with diagnostics in the log file of the data folder that {@code ctx} names
   * ({@link DiagnosticsLog}): what {@link #main} runs.
   */
  static int runLogged(CliContext ctx, String... args) {
    String version = Main.class.getPackage().getImplementationVersion();
    String process = "hopscope " + (version == null ? "(development build)" : version) + " (CLI)";
    try (DiagnosticsLog log =
        DiagnosticsLog.toFolder(DiagnosticsLog.dataFolder(ctx.env(), ctx.system()), process)) {
      return run(ctx, args);
    }
  }

  /** Runs one command line; returns the exit code (docs/cli-json.md). */
  public static int run(CliContext context, String... args) {
    CliContext ctx = context.withTerminalErr();
    Main main = new Main(ctx);
    try {
      return run(main, ctx, args);
    } finally {
      main.finished.countDown();
    }
  }

  private static int run(Main main, CliContext ctx, String... args) {
    CommandLine cl = new CommandLine(main);
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setExecutionStrategy(parsed -> execute(parsed, ctx));
    cl.setExecutionExceptionHandler(
        (ex, cmd, parsed) -> {
          FailureKind kind = FailureKind.of(ex);
          if (kind == null) {
            throw ex;
          }
          ctx.err()
              .println(
                  "hopscope: "
                      + (kind == FailureKind.CANCELLED
                          ? "cancelled (Ctrl-C); nothing more was written"
                          : TerminalText.message(kind.message(ex))));
          ctx.err().flush();
          return ExitCodes.of(kind);
        });
    return cl.execute(args);
  }

  /** Runs the command; with {@code --verbose} the log is echoed on stderr meanwhile. */
  private static int execute(ParseResult parsed, CliContext ctx) {
    try (DiagnosticsLog echo = verbose(parsed) ? DiagnosticsLog.echoTo(ctx.err()) : null) {
      try {
        return new CommandLine.RunLast().execute(parsed);
      } catch (CommandLine.ExecutionException e) {
        logFailure(e.getCommandLine().getCommandSpec().qualifiedName(), e.getCause());
        throw e;
      }
    }
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult p = parsed; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  private static void logFailure(String command, Throwable failure) {
    if (failure instanceof Cancellation.CancelledException) {
      LOG.log(Level.DEBUG, () -> command + " cancelled");
    } else {
      LOG.log(Level.WARNING, command + " failed: " + failure.getMessage(), failure);
    }
  }
}
