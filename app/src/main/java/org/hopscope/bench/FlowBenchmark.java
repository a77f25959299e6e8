package org.hopscope.bench;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.correlate.HopMetricsFetcher;
import org.hopscope.correlate.TemplatePanelQueries;
import org.hopscope.model.Flow;
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
 * query replayed alone, {@link RecordingMetricSource}); {@code --chatty}: the flow of the seed's
 * chatty message (one message, 100,000 events: the desktop client's load test), warm, against the
 * bare transfer of the same documents in the same run ({@link ElasticEventSource#bareTransfer}: one
 * point in time, pages of 10,000 in a row, nothing parsed).
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

  /**
   * Measures the flows of {@code picked} in {@code window}: a warm-up, then {@code repeat} rounds.
   */
  public void run(TimeWindow window, List<String> picked, int repeat) {
    PathDef def = session.path();
    Instant asOf = window.to();
    Cancellation cancel = Cancellation.none();
    ExecutorService pool = Executors.newFixedThreadPool(Engine.PANEL_THREADS);
    Timings baseline = new Timings();
    Timings events = new Timings();
    Timings withMetrics = new Timings();
    Timings panelBaseline = new Timings();
    long documents = 0;
    try (Backends backends = Backends.open(session.connection())) {
      EventSource es = backends.events();
      RecordingMetricSource panels =
          backends.metrics() == null ? null : new RecordingMetricSource(backends.metrics());
      HopMetricsFetcher metrics =
          panels == null
              ? null
              : new HopMetricsFetcher(
                  panels, new TemplatePanelQueries(), pool, Engine.METRICS_MARGIN);
      FlowAssembler full = new FlowAssembler(es, metrics, FlowOptions.defaults());
      err.printf("warming up on %d IDs ...%n", picked.size());
      err.flush();
      Map<String, List<RecordingEventSource.Round>> rounds = new HashMap<>();
      Map<String, List<RecordingMetricSource.Range>> ranges = new HashMap<>();
      for (String id : picked) {
        RecordingEventSource recording = new RecordingEventSource(es);
        new FlowAssembler(recording, null, FlowOptions.defaults())
            .assemble(def, id, window, asOf, cancel);
        rounds.put(id, recording.rounds());
        full.assemble(def, id, window, asOf, cancel);
        ranges.put(id, panels == null ? List.of() : panels.takeRanges());
      }
      FlowAssembler plain = new FlowAssembler(es, null, FlowOptions.defaults());
      for (int r = 0; r < repeat; r++) {
        for (int i = 0; i < picked.size(); i++) {
          String id = picked.get(i);
          boolean baselineFirst = (r + i) % 2 == 1;
          Supplier<Object> bare = () -> replay(es, rounds.get(id), cancel);
          if (baselineFirst) {
            timed(baseline, bare);
          }
          long t0 = System.nanoTime();
          documents += documents(plain.assemble(def, id, window, asOf, cancel));
          long eventNanos = System.nanoTime() - t0;
          events.add(eventNanos);
          if (!baselineFirst) {
            timed(baseline, bare);
          }
          long slowest =
              baselineFirst && panels != null ? panels.slowestAlone(ranges.get(id), cancel) : 0;
          timed(withMetrics, () -> full.assemble(def, id, window, asOf, cancel));
          if (panels != null) {
            panels.takeRanges();
            if (!baselineFirst) {
              slowest = panels.slowestAlone(ranges.get(id), cancel);
            }
            panelBaseline.add(eventNanos + slowest);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    out.printf(
        Locale.ROOT,
        "bench flow: %d IDs of mixed classes x %d rounds, %,d documents per round (warm)%n",
        picked.size(),
        repeat,
        documents / Math.max(1, repeat));
    table("bare _msearch round trips (baseline)", baseline, events, withMetrics);
    if (panelBaseline.count() > 0) {
      Timings.row(out, 48, "slowest single panel query + the events", panelBaseline, panelBaseline);
      Timings.row(
          out, 48, "flow events + every hop's metrics, vs that", withMetrics, panelBaseline);
    } else {
      out.printf(Locale.ROOT, "no metrics backend: no panel baseline%n");
    }
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
        documents = documents(timed(events, () -> plain.assemble(def, id, window, asOf, cancel)));
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

  /** The bare {@code find} round trips of one recorded flow, one after another. */
  private static Object replay(
      EventSource es, List<RecordingEventSource.Round> rounds, Cancellation cancel) {
    for (RecordingEventSource.Round round : rounds) {
      es.find(round.queries(), round.window(), round.limit(), cancel);
    }
    return null;
  }

  private static long documents(Flow flow) {
    return flow.hops().stream().mapToLong(h -> h.events().size()).sum();
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
