package org.hopscope.bench;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.correlate.HopMetricsFetcher;
import org.hopscope.correlate.TemplatePanelQueries;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Backends;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.Session;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.elastic.ElasticEventSource;

/**
 * {@code hopscope bench flow}: assembled flows (all hops, links followed; then with every hop's
 * metrics) against the bare round trips that fetch the same documents, replayed in the same run,
 * and the flow with metrics also against the events plus the slowest single panel query (each panel
 * query replayed alone, {@link RecordingMetricSource}) and against the events plus the flow's panel
 * requests replayed all at once, as the engine made them (the backend's own work for them, ADR
 * 0055); {@code --chatty}: the flow of the seed's chatty message (one message, 100,000 events: the
 * desktop client's load test), warm, against the bare transfer of the same documents in the same
 * run ({@link ElasticEventSource#bareTransfer}: one point in time, pages of 10,000 in a row,
 * nothing parsed).
 *
 * <p>The round trips a flow makes and the panel queries it asks are recorded in the warm-up; each
 * measured round then runs an engine measurement and its baseline in alternating order (ABBA, ADR
 * 0053), so neither always finds the search engine warm from the other's identical requests.
 *
 * @param out where the results go
 * @param err where progress goes
 */
public record FlowBenchmark(Session session, PrintWriter out, PrintWriter err) {

  /** Warm-up runs of the chatty message. */
  private static final int WARM_UP = 2;

  /** Most whole warm-up rounds of {@link #run} (until the JIT has settled). */
  private static final int MAX_WARM_UP = 8;

  /**
   * Measures the flows of {@code picked} in {@code window}: a warm-up, then {@code repeat} rounds.
   */
  public void run(TimeWindow window, List<String> picked, int repeat) {
    ExecutorService pool = Executors.newFixedThreadPool(Engine.PANEL_THREADS);
    FlowRounds.Rows rows = new FlowRounds.Rows();
    FlowRounds.WarmUp warm;
    long jit;
    try (Backends backends = Backends.open(session.connection())) {
      RecordingMetricSource panels =
          backends.metrics() == null ? null : new RecordingMetricSource(backends.metrics());
      HopMetricsFetcher metrics =
          panels == null
              ? null
              : new HopMetricsFetcher(
                  panels, new TemplatePanelQueries(), pool, Engine.METRICS_MARGIN);
      FlowAssembler full = new FlowAssembler(backends.events(), metrics, FlowOptions.defaults());
      FlowRounds flows =
          new FlowRounds(session.path(), window, picked, backends.events(), panels, full, pool);
      err.printf("warming up on %d IDs ...%n", picked.size());
      err.flush();
      flows.record();
      warm = flows.warmUp(MAX_WARM_UP);
      long jit0 = FlowRounds.jitMillis();
      for (int r = 0; r < repeat; r++) {
        flows.round(r, rows);
      }
      jit = FlowRounds.jitMillis() - jit0;
    } finally {
      pool.shutdownNow();
    }
    out.printf(
        Locale.ROOT,
        "bench flow: %d IDs of mixed classes x %d rounds, %,d documents per round (warm: after %d"
            + " whole round(s), the last with %,d ms of JIT compiling; %,d ms while measured)%n",
        picked.size(),
        repeat,
        rows.documents / Math.max(1, repeat),
        warm.rounds(),
        warm.lastJitMillis(),
        jit);
    table("bare _msearch round trips (baseline)", rows.baseline, rows.events, rows.withMetrics);
    if (rows.panelBaseline.count() > 0) {
      Timings.row(
          out,
          48,
          "slowest single panel query + the events",
          rows.panelBaseline,
          rows.panelBaseline);
      Timings.row(
          out,
          48,
          "flow events + every hop's metrics, vs that",
          rows.withMetrics,
          rows.panelBaseline);
      Timings.row(
          out,
          48,
          "the panel requests at once (bare) + the events",
          rows.requestsBaseline,
          rows.requestsBaseline);
      Timings.row(
          out,
          48,
          "flow events + every hop's metrics, vs that",
          rows.withMetrics,
          rows.requestsBaseline);
    } else {
      out.printf(Locale.ROOT, "no metrics backend: no panel baseline%n");
    }
    out.printf(
        Locale.ROOT,
        "CPU while measured (%d cores; machine = every process): bare round trips %s;"
            + " flow events %s; with metrics %s%n",
        Runtime.getRuntime().availableProcessors(),
        rows.baselineCpu.perSample(),
        rows.eventsCpu.perSample(),
        rows.metricsCpu.perSample());
    out.printf(
        Locale.ROOT,
        "targets: events <= 1.2x baseline (p90 <= 1.3x) and < 50 ms; with metrics <= 1.2x"
            + " the slowest panel query plus the events, < 100 ms%n");
    out.flush();
  }

  /** Measures the chatty message {@code id} in {@code window}, {@code repeat} warm runs. */
  public void chatty(String id, TimeWindow window, int repeat) {
    PathDef def = session.path();
    Instant asOf = window.to();
    Cancellation cancel = Cancellation.none();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    Timings baseline = new Timings();
    Timings events = new Timings();
    Timings withMetrics = new Timings();
    long documents = 0;
    long transferred = 0;
    try (Backends backends = Backends.open(session.connection())) {
      EventSource es = backends.events();
      HopMetricsFetcher metrics = backends.hopMetrics(pool);
      FlowAssembler plain = new FlowAssembler(es, null, FlowOptions.defaults());
      FlowAssembler full = new FlowAssembler(es, metrics, FlowOptions.defaults());
      RecordingEventSource recording = new RecordingEventSource(es);
      new FlowAssembler(recording, null, FlowOptions.defaults())
          .assemble(def, id, window, asOf, cancel);
      err.printf("warming up on the chatty message %s ...%n", id);
      err.flush();
      for (int i = 0; i < WARM_UP; i++) {
        plain.assemble(def, id, window, asOf, cancel);
        transferred = bare(es, recording, cancel);
      }
      for (int r = 0; r < repeat; r++) {
        transferred = timed(baseline, () -> bare(es, recording, cancel));
        documents =
            FlowRounds.documents(
                timed(events, () -> plain.assemble(def, id, window, asOf, cancel)));
        timed(withMetrics, () -> full.assemble(def, id, window, asOf, cancel));
      }
    } finally {
      pool.shutdownNow();
    }
    out.printf(
        Locale.ROOT,
        "bench flow --chatty: message %s, %,d events in the flow, %,d documents transferred,"
            + " %d warm runs (after %d warm-up)%n",
        id,
        documents,
        transferred,
        repeat,
        WARM_UP);
    table("bare transfer of the documents (baseline)", baseline, events, withMetrics);
    out.printf(Locale.ROOT, "target: flow events well under 700 ms (desktop open < 1 s)%n");
    out.flush();
  }

  private void table(String baselineRow, Timings baseline, Timings events, Timings metrics) {
    out.printf(Locale.ROOT, "%-48s %12s %12s %8s%n", "", "median", "p90", "ratio");
    Timings.row(out, 48, baselineRow, baseline, baseline);
    Timings.row(out, 48, "flow events (all hops, links followed)", events, baseline);
    Timings.row(out, 48, "flow events + every hop's metrics", metrics, baseline);
  }

  private static <T> T timed(Timings timings, Supplier<T> work) {
    long t0 = System.nanoTime();
    T result = work.get();
    timings.add(System.nanoTime() - t0);
    return result;
  }

  /** The bare transfer of every round's documents; a non-Elasticsearch source replays find. */
  private static long bare(EventSource es, RecordingEventSource recording, Cancellation cancel) {
    long n = 0;
    for (RecordingEventSource.Round round : recording.rounds()) {
      if (es instanceof ElasticEventSource elastic) {
        n += elastic.bareTransfer(round.queries(), round.window(), cancel);
      } else {
        n += es.find(round.queries(), round.window(), round.limit(), cancel).events().size();
      }
    }
    return n;
  }
}
