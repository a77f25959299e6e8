package org.hopscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.correlate.HopMetricsFetcher;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Backends;
import org.hopscope.oncall.Session;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
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
    if (chatty) {
      return new ChattyBench(bench.main.context(), common, repeat).call();
    }
    CliContext ctx = bench.main.context();
    JsonNode manifest = common.manifest(ctx);
    Session session = common.session(ctx);
    PathDef def = session.path();
    TimeWindow window = BenchCommand.recording(manifest);
    Instant asOf = window.to();
    List<String> picked = BenchCommand.mixedIds(manifest, ids);
    Cancellation cancel = Cancellation.none();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Timings baseline = new Timings();
    Timings events = new Timings();
    Timings withMetrics = new Timings();
    long documents = 0;
    try (Backends backends = Backends.open(session.connection())) {
      EventSource es = backends.events();
      HopMetricsFetcher metrics = backends.hopMetrics(pool);
      FlowAssembler full = new FlowAssembler(es, metrics, FlowOptions.defaults());
      ctx.err().printf("warming up on %d IDs ...%n", picked.size());
      ctx.err().flush();
      for (String id : picked) {
        full.assemble(def, id, window, asOf, cancel);
      }
      for (int r = 0; r < repeat; r++) {
        for (String id : picked) {
          RecordingEventSource recording = new RecordingEventSource(es);
          long t0 = System.nanoTime();
          var flow =
              new FlowAssembler(recording, null, FlowOptions.defaults())
                  .assemble(def, id, window, asOf, cancel);
          events.add(System.nanoTime() - t0);
          documents += flow.hops().stream().mapToLong(h -> h.events().size()).sum();
          long t1 = System.nanoTime();
          for (RecordingEventSource.Round round : recording.rounds()) {
            es.find(round.queries(), round.window(), round.limit(), cancel);
          }
          baseline.add(System.nanoTime() - t1);
          long t2 = System.nanoTime();
          full.assemble(def, id, window, asOf, cancel);
          withMetrics.add(System.nanoTime() - t2);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    print(ctx, picked.size(), documents / Math.max(1, repeat), baseline, events, withMetrics);
    return ExitCodes.OK;
  }

  private void print(
      CliContext ctx, int idCount, long docs, Timings baseline, Timings events, Timings metrics) {
    var out = ctx.out();
    out.printf(
        Locale.ROOT,
        "bench flow: %d IDs of mixed classes x %d rounds, %,d documents per round (warm)%n",
        idCount,
        repeat,
        docs);
    out.printf(Locale.ROOT, "%-48s %12s %12s %8s%n", "", "median", "p90", "ratio");
    Timings.row(out, 48, "bare _msearch round trips (baseline)", baseline, baseline);
    Timings.row(out, 48, "flow events (all hops, links followed)", events, baseline);
    Timings.row(out, 48, "flow events + every hop's metrics", metrics, baseline);
    out.printf(
        Locale.ROOT, "targets: events <= 1.2x baseline and < 50 ms; with metrics < 100 ms%n");
    out.flush();
  }
}
