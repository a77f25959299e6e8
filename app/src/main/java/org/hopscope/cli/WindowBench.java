package org.hopscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.hopscope.bench.WindowBenchmark;
import org.hopscope.model.TimeWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code hopscope bench window}: the stuck analysis of the incident window against its lower bound,
 * one composite scan by message ID over the same window and each hop's indices, measured in the
 * same run. The launcher runs it with {@code -Xmx256m} to show the memory bound.
 */
@Command(
    name = "window",
    mixinStandardHelpOptions = true,
    description = "Benchmark the window (stuck) analysis.")
final class WindowBench implements Callable<Integer> {

  @ParentCommand BenchCommand bench;

  @Mixin BenchCommand.Common common;

  @Option(names = "--repeat", paramLabel = "R", description = "Runs of each (default 3).")
  int repeat = 3;

  @Override
  public Integer call() {
    CliContext ctx = bench.main.context();
    JsonNode manifest = common.manifest(ctx);
    TimeWindow window =
        new TimeWindow(
            Instant.parse(manifest.path("incidentStart").asText()),
            Instant.parse(manifest.path("now").asText()));
    new WindowBenchmark(common.session(ctx), ctx.out(), w -> FlowCommand.warn(ctx, w))
        .run(window, repeat);
    return ExitCodes.OK;
  }
}
