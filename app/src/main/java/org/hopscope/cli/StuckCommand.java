package org.hopscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.EstimateFirst;
import org.hopscope.oncall.Session;
import org.hopscope.source.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code hopscope stuck}: a window's stuck, failed and dead-lettered messages, per hop. */
@Command(
    name = "stuck",
    mixinStandardHelpOptions = true,
    description =
        "Count per hop what entered, left, is stuck, failed, was dead-lettered or slow in a window,"
            + " and list the stuck and failed messages. Pushed down into Elasticsearch.")
final class StuckCommand implements Callable<Integer> {

  @ParentCommand Main main;

  @Mixin ConnectionOptions connection;

  @Option(names = "--path", required = true, paramLabel = "PATH", description = "e.g. orders")
  String path;

  @Option(names = "--from", required = true, paramLabel = "TIME", description = "Window start.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Window end (default now).")
  String to;

  @Option(names = "--hop", paramLabel = "HOP", description = "List only this hop's messages.")
  String hop;

  @Option(
      names = "--limit",
      paramLabel = "N",
      description = "Most messages listed (default ${DEFAULT-VALUE}).")
  int limit = 1_000;

  @Option(
      names = "--compare",
      paramLabel = "BASELINE",
      description =
          "What changed: compare each hop's figures per minute with the same-length window before"
              + " (previous) or a day earlier (1d), and mark the hop that moved most.")
  String compare;

  @Option(names = "--json", description = "The JSON contract of docs/cli-json.md.")
  boolean json;

  @Option(
      names = "--estimates",
      description =
          "With --json: add the estimate stage (per-hop figures from a hash sample of the"
              + " message IDs, each with its error bound) as the \"estimate\" object. The text"
              + " output always shows it first.")
  boolean estimates;

  @Override
  public Integer call() {
    CliContext ctx = main.context();
    if (limit < 1) {
      throw new IllegalArgumentException("--limit must be at least 1, got " + limit);
    }
    WindowArguments times = WindowArguments.parse(ctx, from, to, true);
    StuckBaseline baseline = compare == null ? null : StuckBaseline.parse(compare);
    Session session = Sessions.open(ctx, connection.flags(), path);
    if (hop != null && session.path().indexOf(hop) < 0) {
      throw new IllegalArgumentException(
          "--hop '" + hop + "' is not a hop of path " + session.path().name());
    }
    List<StuckMessage> listed = new ArrayList<>();
    long[] matching = {0};
    Consumer<StuckMessage> sink =
        m -> {
          if (hop != null && !hop.equals(m.hop())) {
            return;
          }
          if (++matching[0] <= limit) {
            listed.add(m);
          }
        };
    try (CtrlC ctrlC = main.ctrlC("stuck");
        Engine engine = Engine.open(session.connection())) {
      // the estimate first (the key scans wait for it, at most EstimateFirst.GRACE): printed once
      // ready, always before the exact block
      EstimateAlongside alongside =
          json && !estimates
              ? null
              : EstimateAlongside.start(
                  engine,
                  session.path(),
                  times.window(),
                  times.asOf(),
                  json ? null : ctx.terminal(),
                  ctrlC.cancellation());
      StuckReport report;
      try {
        if (alongside != null) {
          EstimateFirst.await(alongside.ended(), EstimateFirst.GRACE, ctrlC.cancellation());
        }
        report =
            engine.stuck(session.path(), times.window(), times.asOf(), sink, ctrlC.cancellation());
      } catch (RuntimeException e) {
        if (alongside != null && !(e instanceof Cancellation.CancelledException)) {
          alongside.await(); // what could be estimated still goes first
        }
        throw e;
      }
      StuckEstimateOutput.Timed estimate = alongside == null ? null : alongside.await();
      StuckComparison comparison =
          baseline == null
              ? null
              : engine.compare(session.path(), report, baseline, ctrlC.cancellation());
      boolean truncated = matching[0] > limit;
      if (json) {
        new StuckOutput().writeJson(report, comparison, estimate, listed, truncated, ctx.out());
      } else {
        // the per-hop table first, then the list under its header (all on standard output)
        PrintWriter out = ctx.terminal();
        out.println("EXACT (key scan):");
        StuckOutput.printCounts(report, out);
        if (comparison != null) {
          out.println();
          StuckCompareOutput.print(comparison, out);
        }
        out.println();
        StuckOutput.printMessages(listed, matching[0], truncated, limit, out);
        out.flush();
      }
      ctx.out().flush();
      // a hop that could not be read has unknown counts: not the same answer as "all clear"
      return report.hops().stream().anyMatch(h -> !h.blind().isEmpty())
          ? ExitCodes.UNKNOWN
          : ExitCodes.OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
