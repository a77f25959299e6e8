package org.hopscope.bench;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.correlate.HopMetricsFetcher;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Backends;
import org.hopscope.oncall.Session;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * {@code hopscope bench flow}: assembled flows (all hops, links followed; then with every hop's
 * metrics) against the bare round trips that fetch the same documents, replayed in the same run.
 *
 * @param out where the results go
 * @param err where progress goes
 * @param warnings connection warnings
 */
public record FlowBenchmark(
    Session session, PrintWriter out, PrintWriter err, Consumer<String> warnings) {

  /**
   * Measures the flows of {@code picked} in {@code window}: a warm-up, then {@code repeat} rounds.
   */
  public void run(TimeWindow window, List<String> picked, int repeat) {
    PathDef def = session.path();
    Instant asOf = window.to();
    Cancellation cancel = Cancellation.none();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Timings baseline = new Timings();
    Timings events = new Timings();
    Timings withMetrics = new Timings();
    long documents = 0;
    try (Backends backends = Backends.open(session.connection(), warnings)) {
      EventSource es = backends.events();
      HopMetricsFetcher metrics = backends.hopMetrics(pool);
      FlowAssembler full = new FlowAssembler(es, metrics, FlowOptions.defaults());
      err.printf("warming up on %d IDs ...%n", picked.size());
      err.flush();
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
    print(picked.size(), repeat, documents / Math.max(1, repeat), baseline, events, withMetrics);
  }

  private void print(
      int idCount, int repeat, long docs, Timings baseline, Timings events, Timings metrics) {
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
