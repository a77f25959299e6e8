package org.hopscope.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.model.Flow;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * The rounds of {@code bench flow} over a list of IDs. The first round records each flow's round
 * trips and panel queries (the baselines replay them); every round then runs, per ID, the flow's
 * events and its bare round trips in alternating order (ABBA, ADR 0053), and the flow with metrics
 * and its panel baselines likewise (the slowest panel query alone; the panel requests all at once,
 * ADR 0055).
 */
final class FlowRounds {

  /** A round's JIT compiling below this share of its time counts as settled. */
  private static final double SETTLED = 0.02;

  /** What the warm-up did: whole rounds, and the JIT's milliseconds in the last. */
  record WarmUp(int rounds, long lastJitMillis) {}

  /**
   * A flow's panel baselines, in nanoseconds: its slowest panel query alone, and its panel requests
   * as the engine made them, all at once.
   */
  private record PanelBaselines(long slowest, long atOnce) {}

  /** The measured figures of one benchmark. */
  static final class Rows {
    final Timings baseline = new Timings();
    final Timings events = new Timings();
    final Timings withMetrics = new Timings();
    final Timings panelBaseline = new Timings();
    final Timings requestsBaseline = new Timings();
    final CpuClock baselineCpu = new CpuClock();
    final CpuClock eventsCpu = new CpuClock();
    final CpuClock metricsCpu = new CpuClock();
    long documents;
  }

  private final PathDef def;
  private final TimeWindow window;
  private final List<String> picked;
  private final EventSource es;
  private final RecordingMetricSource panels;
  private final FlowAssembler plain;
  private final FlowAssembler full;
  private final Executor pool;
  private final Cancellation cancel = Cancellation.none();
  private final Map<String, List<RecordingEventSource.Round>> rounds = new HashMap<>();
  private final Map<String, List<RecordingMetricSource.Range>> ranges = new HashMap<>();

  /**
   * @param panels the metrics source {@code full} asks, recording; null without metrics
   * @param full the flow assembler with metrics (the events alone are assembled on {@code es})
   * @param pool replays the panel requests all at once (as the engine's panel threads ask them)
   */
  FlowRounds(
      PathDef def,
      TimeWindow window,
      List<String> picked,
      EventSource es,
      RecordingMetricSource panels,
      FlowAssembler full,
      Executor pool) {
    this.def = def;
    this.window = window;
    this.picked = picked;
    this.es = es;
    this.panels = panels;
    this.plain = new FlowAssembler(es, null, FlowOptions.defaults());
    this.full = full;
    this.pool = pool;
  }

  /** Records what each flow asks (its first run each). */
  void record() {
    for (String id : picked) {
      RecordingEventSource recording = new RecordingEventSource(es);
      new FlowAssembler(recording, null, FlowOptions.defaults())
          .assemble(def, id, window, asOf(), cancel);
      rounds.put(id, recording.rounds());
      full.assemble(def, id, window, asOf(), cancel);
      ranges.put(id, panels == null ? List.of() : panels.takeRanges());
    }
  }

  /**
   * Whole rounds, not counted, until one spends under 2 % of its time JIT compiling (the compiler
   * threads share the cores with the search engine and Prometheus), at most {@code most}.
   */
  WarmUp warmUp(int most) {
    int n = 0;
    long compiled;
    boolean settled;
    do {
      long jit0 = jitMillis();
      long t0 = System.nanoTime();
      round(n++, new Rows());
      compiled = jitMillis() - jit0;
      settled = compiled * 1e6 < SETTLED * (System.nanoTime() - t0);
    } while (!settled && n < most);
    return new WarmUp(n, compiled);
  }

  /** One round over every ID, measured into {@code rows}. */
  void round(int r, Rows rows) {
    for (int i = 0; i < picked.size(); i++) {
      String id = picked.get(i);
      boolean baselineFirst = (r + i) % 2 == 1;
      Supplier<Object> bare = () -> replay(rounds.get(id));
      if (baselineFirst) {
        timed(rows.baseline, rows.baselineCpu, bare);
      }
      long eventNanos =
          timed(
              rows.events,
              rows.eventsCpu,
              () -> rows.documents += documents(plain.assemble(def, id, window, asOf(), cancel)));
      if (!baselineFirst) {
        timed(rows.baseline, rows.baselineCpu, bare);
      }
      PanelBaselines before = baselineFirst ? panelBaselines(id) : null;
      timed(
          rows.withMetrics, rows.metricsCpu, () -> full.assemble(def, id, window, asOf(), cancel));
      if (panels != null) {
        panels.takeRanges();
        PanelBaselines p = baselineFirst ? before : panelBaselines(id);
        rows.panelBaseline.add(eventNanos + p.slowest());
        rows.requestsBaseline.add(eventNanos + p.atOnce());
      }
    }
  }

  /** The panel baselines of {@code id}'s flow; null without metrics. */
  private PanelBaselines panelBaselines(String id) {
    if (panels == null) {
      return null;
    }
    List<RecordingMetricSource.Range> asked = ranges.get(id);
    return new PanelBaselines(
        panels.slowestAlone(asked, cancel), panels.allAtOnce(asked, pool, cancel));
  }

  /** The JIT's compiling so far, in milliseconds (0 where the JVM cannot tell). */
  static long jitMillis() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime()
        : 0;
  }

  private Instant asOf() {
    return window.to();
  }

  /** The bare {@code find} round trips of one recorded flow, one after another. */
  private Object replay(List<RecordingEventSource.Round> recorded) {
    for (RecordingEventSource.Round round : recorded) {
      es.find(round.queries(), round.window(), round.limit(), cancel);
    }
    return null;
  }

  /** Runs {@code work} into {@code timings} and {@code cpu}; returns its nanoseconds. */
  private static long timed(Timings timings, CpuClock cpu, Supplier<?> work) {
    CpuClock.Start start = cpu.start();
    long t0 = System.nanoTime();
    work.get();
    long nanos = System.nanoTime() - t0;
    cpu.stop(start);
    timings.add(nanos);
    return nanos;
  }

  static long documents(Flow flow) {
    return flow.hops().stream().mapToLong(h -> h.events().size()).sum();
  }
}
