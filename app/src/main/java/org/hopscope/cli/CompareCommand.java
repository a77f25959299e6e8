package org.hopscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.hopscope.model.Comparison;
import org.hopscope.oncall.ComparisonJson;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.FollowedId;
import org.hopscope.oncall.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hopscope compare}: one message hop by hop beside a healthy one (or one you name). */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare a message hop by hop with the nearest OK message of the path (or --with one):"
            + " verdicts, latency deltas, attempts, missing events, differing fields.")
final class CompareCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Mixin ConnectionOptions connection;

  @Mixin MessageOptions message;

  @Option(
      names = "--id",
      required = true,
      paramLabel = "ID",
      description = "The message to explain (usually stuck or failed).")
  String id;

  @Option(
      names = "--with",
      paramLabel = "ID",
      description = "The message to compare with (default: the nearest OK one).")
  String with;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    for (String[] given : new String[][] {{"--id", id}, {"--with", with}}) {
      String problem = given[1] == null ? null : FollowedId.problem(given[1]);
      if (problem != null) {
        throw new IllegalArgumentException(given[0] + " " + problem);
      }
    }
    WindowArguments times = message.window(ctx);
    Session session = Sessions.open(ctx, connection.flags(), message.path);
    try (CtrlC ctrlC = main.ctrlC("compare");
        Engine engine = Engine.open(session.connection())) {
      Comparison c =
          engine.compare(
              session.path(), id, with, times.window(), times.asOf(), ctrlC.cancellation());
      if (message.json) {
        writeJson(c, ctx);
      } else {
        new CompareTable(message.zone()).print(c, ctx.terminal());
        ctx.terminal().flush();
      }
      if (c.other() != null) {
        return ExitCodes.OK;
      }
      ctx.err().println("note: " + TerminalText.message(c.basis().text()));
      ctx.err().flush();
      return ExitCodes.NO_EVIDENCE;
    }
  }

  private static void writeJson(Comparison c, CliContext ctx) {
    try {
      new ComparisonJson().write(c, ctx.out());
      ctx.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
