package org.hopscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;
import org.hopscope.bench.ChattyBenchmark;
import org.hopscope.bench.FlowBenchmark;
import org.hopscope.model.TimeWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope bench flow}: assembled flows (all hops, links followed; then with every hop's
 * metrics) against the bare round trips that fetch the same documents, replayed in the same run.
 */
@Command(
    name = "flow",
    mixinStandardHelpOptions = true,
    description = "Benchmark one-message flows.")
final class FlowBench implements Callable<Integer> {

  @ParentCommand BenchCommand bench;

  @Mixin BenchCommand.Common common;

  @Option(names = "--ids", paramLabel = "N", description = "IDs of mixed classes (default 36).")
  int ids = 36;

  @Option(names = "--repeat", paramLabel = "R", description = "Rounds over all IDs (default 5).")
  int repeat = 5;

  @Option(
      names = "--chatty",
      description =
          "Instead: the manifest's chatty message (100,000 events) R times, against the bare"
              + " transfer of the same documents.")
  boolean chatty;

  @Override
  public Integer call() {
    CliContext ctx = bench.main.context();
    JsonNode manifest = common.manifest(ctx);
    TimeWindow window = BenchCommand.recording(manifest);
    if (chatty) {
      String id = manifest.path("chattyId").asText();
      if (id.isEmpty()) {
        throw new IllegalArgumentException(
            "the manifest names no chattyId: seed the sandbox again with this version");
      }
      new ChattyBenchmark(common.session(ctx), ctx.out(), ctx.err(), w -> FlowCommand.warn(ctx, w))
          .run(id, window, repeat);
      return ExitCodes.OK;
    }
    new FlowBenchmark(common.session(ctx), ctx.out(), ctx.err(), w -> FlowCommand.warn(ctx, w))
        .run(window, BenchCommand.mixedIds(manifest, ids), repeat);
    return ExitCodes.OK;
  }
}
