package org.hopscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.FlowJson;
import org.hopscope.oncall.FollowedId;
import org.hopscope.oncall.SearchWindow;
import org.hopscope.oncall.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hopscope flow}: one message's end-to-end flow. */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    description = "Follow one message (message ID, ERP number or trace ID) across the path's hops.")
final class FlowCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Mixin ConnectionOptions connection;

  @Mixin MessageOptions message;

  @Option(names = "--id", required = true, paramLabel = "ID", description = "What to follow.")
  String id;

  @Option(names = "--no-metrics", description = "Skip the hops' Prometheus panels.")
  boolean noMetrics;

  @Option(
      names = "--file",
      paramLabel = "[HOP=]FILE",
      description =
          "Read the events from a trace or log file instead of a backend (OTLP JSON or JSON lines,"
              + " Jaeger JSON, Zipkin v2 JSON, NDJSON); repeatable. HOP=FILE puts all its events at"
              + " that hop, else each event goes to the hop of its service name"
              + " (docs/trace-files.md).")
  java.util.List<String> files = new java.util.ArrayList<>();

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    String problem = FollowedId.problem(id);
    if (problem != null) {
      throw new IllegalArgumentException("--id " + problem);
    }
    if (!files.isEmpty()) {
      return new FileFlowRun(ctx, main, message, connection.flags()).run(files, id);
    }
    WindowArguments times = message.window(ctx);
    Session session = Sessions.open(ctx, connection.flags(), message.path);
    try (CtrlC ctrlC = main.ctrlC("flow");
        Engine engine = Engine.open(session.connection())) {
      Flow flow =
          engine.flow(
              session.path(), id, times.window(), times.asOf(), !noMetrics, ctrlC.cancellation());
      int shown = show(flow, message, ctx);
      if (shown != ExitCodes.NO_EVIDENCE) {
        return shown;
      }
      // "no evidence" is only as wide as the window searched: say which, so it is not read as
      // "this message never passed"
      ctx.err()
          .printf(
              "note: nothing found between %s and %s%s%n",
              times.window().from(),
              times.window().to(),
              message.from == null
                  ? " (the default: the last "
                      + SearchWindow.DEFAULT_LENGTH.toHours()
                      + " h); give --from to look further back"
                  : "");
      ctx.err().flush();
      return ExitCodes.NO_EVIDENCE;
    }
  }

  /**
   * Prints {@code flow} (JSON or the table) and returns its exit code: UNKNOWN, OK, or NO_EVIDENCE
   * (the caller then says how far it looked).
   */
  static int show(Flow flow, MessageOptions message, CliContext ctx) {
    if (message.json) {
      writeJson(flow, ctx);
    } else {
      new FlowTable(message.zone()).print(flow, ctx.terminal());
    }
    if (flow.verdict() == HopVerdict.UNKNOWN) {
      return ExitCodes.UNKNOWN;
    }
    return flow.verdict() == HopVerdict.NO_EVIDENCE ? ExitCodes.NO_EVIDENCE : ExitCodes.OK;
  }

  static void writeJson(Flow flow, CliContext ctx) {
    try {
      new FlowJson().write(flow, ctx.out());
      ctx.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
