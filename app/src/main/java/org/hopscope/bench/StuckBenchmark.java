package org.hopscope.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hopscope.correlate.StuckAnalyzer;
import org.hopscope.correlate.StuckOptions;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Backends;
import org.hopscope.oncall.Engine;
import org.hopscope.oncall.Session;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;

/**
 * {@code hopscope bench window}: the stuck analysis of the incident window against its lower bound,
 * one composite scan by message ID over the same window and each hop's indices, measured in the
 * same run, the two in alternating order (baseline first in the odd runs, the analysis first in the
 * even ones). The launcher runs it with {@code -Xmx256m} to show the memory bound.
 *
 * @param out where the results go
 */
public record StuckBenchmark(Session session, PrintWriter out) {

  /** Measures the analysis of {@code window} as of its end: a warm-up, then {@code repeat} runs. */
  public void run(TimeWindow window, int repeat) {
    PathDef def = session.path();
    Instant now = window.to();
    Cancellation cancel = Cancellation.none();
    Timings baseline = new Timings();
    Timings analysis = new Timings();
    long keys = 0;
    long found = 0;
    CpuClock baselineCpu = new CpuClock(); // this process' CPU time per side, measured runs
    CpuClock analysisCpu = new CpuClock();
    ExecutorService scans = Executors.newFixedThreadPool(Engine.SCAN_THREADS);
    ExecutorService estimates = Executors.newFixedThreadPool(Engine.ESTIMATE_THREADS - 1);
    Timings funnel = new Timings();
    StuckEstimate estimate = null;
    StuckReport exact = null;
    String stages = "";
    try (Backends backends = Backends.open(session.connection())) {
      EventSource es = backends.events();
      FunnelBench funnelBench = new FunnelBench(es, estimates);
      StuckAnalyzer analyzer = new StuckAnalyzer(es, StuckOptions.defaults().withPrefetch(scans));
      for (int r = 0; r < repeat + 1; r++) {
        boolean measured = r > 0; // the first run warms caches and the JIT
        CpuClock scanClock = measured ? baselineCpu : new CpuClock();
        CpuClock analysisClock = measured ? analysisCpu : new CpuClock();
        long[] messages = {0};
        StuckReport[] report = new StuckReport[1];
        long[] took = new long[2];
        // the order alternates per run, so that neither side always finds the caches the other
        // left (ADR 0056)
        for (int side : r % 2 == 1 ? new int[] {0, 1} : new int[] {1, 0}) {
          CpuClock clock = side == 0 ? scanClock : analysisClock;
          CpuClock.Start c0 = clock.start();
          long t0 = System.nanoTime();
          if (side == 0) {
            keys = scanAll(es, def, window, cancel);
          } else {
            report[0] = analyzer.analyze(def, window, now, m -> messages[0]++, cancel);
          }
          took[side] = System.nanoTime() - t0;
          clock.stop(c0);
        }
        exact = report[0];
        estimate = funnelBench.run(def, window, now, funnel, measured);
        found = messages[0];
        if (measured) {
          baseline.add(took[0]);
          analysis.add(took[1]);
        }
      }
      stages = funnelBench.stages();
    } finally {
      scans.shutdownNow();
      estimates.shutdownNow();
    }
    out.printf(
        Locale.ROOT,
        "bench window: %s .. %s, %,d message keys scanned, %,d stuck/failed/dead-lettered found,"
            + " max heap %d MB, heap pools' peaks summed %d MB%n",
        window.from(),
        window.to(),
        keys,
        found,
        Runtime.getRuntime().maxMemory() >> 20,
        peakHeapMb());
    out.printf(Locale.ROOT, "%-52s %12s %12s %8s%n", "", "median", "p90", "ratio");
    Timings.row(out, 52, "one composite scan by message ID per hop (baseline)", baseline, baseline);
    Timings.row(out, 52, "stuck analysis (StuckAnalyzer, pages fetched ahead)", analysis, baseline);
    out.printf(
        Locale.ROOT,
        "client CPU per run (this process, not the search engine): baseline %s, analysis %s%n",
        baselineCpu.client("%,.0f ms"),
        analysisCpu.client("%,.0f ms"));
    out.println("target: analysis <= 1.2x baseline, run with -Xmx256m (memory flat)");
    FunnelBench.print(estimate, exact, funnel, baseline, out);
    out.println("first funnel, where the time went " + stages);
    out.flush();
  }

  /** Drains one key scan per hop source by its first message-ID field; returns the keys seen. */
  private static long scanAll(EventSource es, PathDef def, TimeWindow window, Cancellation c) {
    long keys = 0;
    for (Hop hop : def.hops()) {
      for (EventSourceDef source : hop.sources()) {
        KeyScan scan =
            new KeyScan(
                List.of(source.index()),
                source.fields().messageIds().get(0),
                source.fields().timestamp(),
                source.fields().timestampFormat(),
                window,
                List.of(),
                List.of());
        try (EventSource.KeyCursor cursor = es.scan(scan, 10_000, c)) {
          for (List<KeyBucket> page = cursor.next(); !page.isEmpty(); page = cursor.next()) {
            keys += page.size();
          }
        }
      }
    }
    return keys;
  }

  private static long peakHeapMb() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak >> 20;
  }
}
