package org.hopscope.bench;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executor;
import org.hopscope.correlate.StuckEstimator;
import org.hopscope.model.HopCounts;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * The stuck funnel's lines of {@code hopscope bench window}: time to the first funnel (the estimate
 * stage, ADR 0035) against the same run's baseline, and its error against the exact figures, per
 * hop and figure, with the largest printed.
 */
final class FunnelBench {

  private static final String[] FIGURES = {"entered", "left", "stuck", "failed", "dead-lettered"};

  private final StageClock events;
  private final Executor pool;
  private String stages = "";

  /**
   * @param pool the estimate's requests (as the engine's estimate pool, less the thread that runs
   *     it)
   */
  FunnelBench(EventSource events, Executor pool) {
    this.events = new StageClock(events);
    this.pool = pool;
  }

  /** Where the last timed run's time went (sizing, partition samples, other requests). */
  String stages() {
    return stages;
  }

  /** Estimates once (timed into {@code times}); returns the estimate. */
  StuckEstimate run(PathDef def, TimeWindow window, Instant now, Timings times, boolean timed) {
    events.restart();
    long t0 = System.nanoTime();
    StuckEstimate e =
        new StuckEstimator(events, pool).estimate(def, window, now, Cancellation.none());
    if (timed) {
      long took = System.nanoTime() - t0;
      times.add(took);
      stages = String.format(Locale.ROOT, "of %.2f s: %s", took / 1e9, events.text());
    }
    return e;
  }

  /** The timing row and the errors of {@code estimate} against {@code exact}. */
  static void print(
      StuckEstimate estimate,
      StuckReport exact,
      Timings funnel,
      Timings baseline,
      PrintWriter out) {
    Timings.row(out, 52, "first funnel (estimate stage, hash sample of the IDs)", funnel, baseline);
    out.println(
        "target: first funnel <= 0.10x baseline, every exact figure inside its estimate's bound"
            + " (3 standard errors of the sample; ADR 0044)");
    double worst = -1;
    String worstAt = "none";
    long unknown = 0;
    long missed = 0;
    for (int k = 0; k < estimate.hops().size(); k++) {
      StuckEstimate.HopEstimate h = estimate.hops().get(k);
      HopCounts c = exact.hops().get(k);
      long[] truth = {c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered()};
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-20s", h.hop()));
      for (int i = 0; i < FIGURES.length; i++) {
        Figure f = h.figures().get(i);
        if (!f.known()) {
          unknown++;
          row.append(String.format(Locale.ROOT, " %s unknown;", FIGURES[i]));
          continue;
        }
        if (!f.holds(truth[i])) {
          missed++;
        }
        double err = relative(f.value(), truth[i]);
        row.append(
            String.format(
                Locale.ROOT,
                " %s %s vs %,d (%.1f %%);",
                FIGURES[i],
                f.text(),
                truth[i],
                err * 100));
        if (err > worst) {
          worst = err;
          worstAt =
              String.format(
                  Locale.ROOT, "%s %s: %s vs exact %,d", h.hop(), FIGURES[i], f.text(), truth[i]);
        }
      }
      out.println(row);
    }
    out.printf(
        Locale.ROOT,
        "funnel largest error vs exact: %.1f %% (%s); %d figure(s) unknown; bound missed %d time(s)%n",
        Math.max(0, worst) * 100,
        worstAt,
        unknown,
        missed);
  }

  /** |estimate - exact| / exact, or 0/1 when the exact figure is 0 (right / wrong). */
  static double relative(long estimate, long exact) {
    if (exact == 0) {
      return estimate == 0 ? 0 : 1;
    }
    return Math.abs(estimate - exact) / (double) exact;
  }
}
