package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.hopscope.model.Hop;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.Notice;
import org.hopscope.model.PanelDef;
import org.hopscope.model.PathDef;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;

/**
 * Evaluates every panel of every hop over a flow's time span (plus a margin either side), all
 * panels in parallel on the injected executor. Metrics are an aid: a failing metrics backend gives
 * a warning ({@code metrics unavailable: ...}) and no panels, never a failed flow. Thread-safe.
 */
public final class HopMetricsFetcher {

  /** Fewest points per series a range query aims at, to pick the step. */
  static final int POINTS = 240;

  /** Smallest step (Prometheus' usual scrape interval). */
  static final Duration MIN_STEP = Duration.ofSeconds(15);

  private final MetricSource metrics;
  private final PanelQueries queries;
  private final Executor executor;
  private final Duration margin;

  /**
   * @param metrics where the series are
   * @param queries renders panel templates
   * @param executor runs the panel queries (e.g. a small pool owned by the caller)
   * @param margin added before the first and after the last event (e.g. 5 minutes)
   */
  public HopMetricsFetcher(
      MetricSource metrics, PanelQueries queries, Executor executor, Duration margin) {
    this.metrics = metrics;
    this.queries = queries;
    this.executor = executor;
    this.margin = margin;
  }

  /**
   * What the panels came to.
   *
   * @param metrics one entry per panel that answered, in path and panel order
   * @param notices e.g. {@code metrics unavailable: <the backend's message>}
   */
  public record Result(List<HopMetrics> metrics, List<Notice> notices) {}

  /**
   * Evaluates all panels of {@code path} over {@code [first - margin, last + margin]}.
   *
   * @throws org.hopscope.source.Cancellation.CancelledException when cancelled
   */
  public Result fetch(PathDef path, Instant first, Instant last, Cancellation cancel) {
    Instant from = first.minus(margin);
    Instant to = last.plus(margin);
    Duration range = Duration.between(from, to);
    Duration step = step(range);
    List<CompletableFuture<Object>> calls = new ArrayList<>();
    List<String[]> panels = new ArrayList<>();
    for (Hop hop : path.hops()) {
      for (PanelDef panel : hop.panels()) {
        String promql = queries.render(panel, hop, range, step);
        panels.add(new String[] {hop.name(), panel.title(), promql});
        calls.add(
            CompletableFuture.supplyAsync(() -> answer(promql, from, to, step, cancel), executor));
      }
    }
    List<HopMetrics> out = new ArrayList<>();
    Set<Notice> notices = new LinkedHashSet<>();
    for (int i = 0; i < calls.size(); i++) {
      Object answer = join(calls.get(i));
      if (answer instanceof SourceException e) {
        notices.add(new Notice.MetricsUnavailable(e.getMessage()));
      } else {
        @SuppressWarnings("unchecked")
        List<MetricSeries> series = (List<MetricSeries>) answer;
        String[] p = panels.get(i);
        out.add(new HopMetrics(p[0], p[1], p[2], series));
      }
    }
    cancel.check();
    return new Result(out, List.copyOf(notices));
  }

  /** The series, or the backend's failure as a value so one panel cannot fail the others. */
  private Object answer(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    try {
      return metrics.queryRange(promql, from, to, step, cancel);
    } catch (SourceException e) {
      return e;
    }
  }

  private static Object join(CompletableFuture<Object> call) {
    try {
      return call.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /** A whole-second step giving about {@link #POINTS} points, at least {@link #MIN_STEP}. */
  static Duration step(Duration range) {
    long seconds = (range.toSeconds() + POINTS - 1) / POINTS;
    return Duration.ofSeconds(Math.max(MIN_STEP.toSeconds(), seconds));
  }
}
