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
 * Evaluates every panel of every hop over a flow's time span (plus a margin either side), the
 * requests in parallel on the injected executor; a backend that combines queries gets the panels in
 * a few requests, each answering several panels (ADR 0046). Metrics are an aid: a failing metrics
 * backend gives a warning ({@code metrics unavailable: ...}) and no panels, never a failed flow.
 * Thread-safe.
 */
public final class HopMetricsFetcher {

  /** Fewest points per series a range query aims at, to pick the step. */
  static final int POINTS = 240;

  /**
   * Requests a combining backend's panels are spread over. Each request costs this process about 1
   * ms of CPU (ADR 0041), and one request's panels are evaluated one after another: on the 1M
   * sandbox two requests answered 11 panels in 7.5 ms (median) against 11.2 ms for one request
   * each, 8.3 ms for three and 9.2 ms for one (ADR 0046).
   */
  static final int REQUESTS = 2;

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
   * Evaluates all panels of {@code path} over {@code [first - margin, last + margin]}: {@link
   * #start} and waits for its result.
   *
   * @throws org.hopscope.source.Cancellation.CancelledException when cancelled
   */
  public Result fetch(PathDef path, Instant first, Instant last, Cancellation cancel) {
    return start(path, first, last, cancel).result();
  }

  /**
   * Starts asking all panels of {@code path} over {@code [first - margin, last + margin]} and
   * returns at once; the caller collects them with {@link Pending#result}. A query that several
   * panels render to alike is asked once. A backend that {@linkplain MetricSource#combinesQueries
   * combines queries} is asked in at most {@link #REQUESTS} requests (panels dealt round-robin); a
   * combined request that fails is asked again one panel per request, so every failure is the
   * panel's own. Otherwise one request per panel.
   */
  public Pending start(PathDef path, Instant first, Instant last, Cancellation cancel) {
    Instant from = first.minus(margin);
    Instant to = last.plus(margin);
    Duration range = Duration.between(from, to);
    Duration step = step(range);
    List<String[]> panels = new ArrayList<>();
    for (Hop hop : path.hops()) {
      for (PanelDef panel : hop.panels()) {
        panels.add(
            new String[] {hop.name(), panel.title(), queries.render(panel, hop, range, step)});
      }
    }
    List<String> distinct = panels.stream().map(p -> p[2]).distinct().toList();
    int requests =
        metrics.combinesQueries() ? Math.min(REQUESTS, distinct.size()) : distinct.size();
    List<List<Integer>> groups = new ArrayList<>();
    for (int q = 0; q < distinct.size(); q++) {
      if (q < requests) {
        groups.add(new ArrayList<>());
      }
      groups.get(q % requests).add(q);
    }
    Pending pending = new Pending(panels, distinct, groups, from, to, step, cancel);
    for (List<Integer> group : groups) {
      pending.calls.add(pending.ask(group.stream().map(distinct::get).toList()));
    }
    return pending;
  }

  /** Panel requests in flight. */
  public final class Pending {

    private final List<String[]> panels;
    private final List<String> distinct;
    private final List<List<Integer>> groups;
    private final Instant from;
    private final Instant to;
    private final Duration step;
    private final Cancellation cancel;
    private final List<CompletableFuture<Object>> calls = new ArrayList<>();

    private Pending(
        List<String[]> panels,
        List<String> distinct,
        List<List<Integer>> groups,
        Instant from,
        Instant to,
        Duration step,
        Cancellation cancel) {
      this.panels = panels;
      this.distinct = distinct;
      this.groups = groups;
      this.from = from;
      this.to = to;
      this.step = step;
      this.cancel = cancel;
    }

    private CompletableFuture<Object> ask(List<String> promqls) {
      return CompletableFuture.supplyAsync(() -> answer(promqls, from, to, step, cancel), executor);
    }

    /**
     * Waits for every panel (asking again alone those of a failed combined request).
     *
     * @throws org.hopscope.source.Cancellation.CancelledException when cancelled
     */
    public Result result() {
      Object[] answers = new Object[distinct.size()];
      List<CompletableFuture<Object>> alone = new ArrayList<>();
      List<Integer> aloneIndex = new ArrayList<>();
      for (int g = 0; g < groups.size(); g++) {
        Object answer = join(calls.get(g));
        List<Integer> group = groups.get(g);
        for (int k = 0; k < group.size(); k++) {
          int i = group.get(k);
          if (answer instanceof List<?> perPanel) {
            answers[i] = perPanel.get(k);
          } else if (group.size() == 1) {
            answers[i] = answer;
          } else {
            aloneIndex.add(i);
            alone.add(ask(List.of(distinct.get(i))));
          }
        }
      }
      for (int a = 0; a < alone.size(); a++) {
        Object answer = join(alone.get(a));
        answers[aloneIndex.get(a)] = answer instanceof List<?> one ? one.get(0) : answer;
      }
      List<HopMetrics> out = new ArrayList<>();
      Set<Notice> notices = new LinkedHashSet<>();
      for (String[] p : panels) {
        Object answer = answers[distinct.indexOf(p[2])];
        if (answer instanceof SourceException e) {
          notices.add(new Notice.MetricsUnavailable(e.getMessage()));
        } else {
          @SuppressWarnings("unchecked")
          List<MetricSeries> series = (List<MetricSeries>) answer;
          out.add(new HopMetrics(p[0], p[1], p[2], series));
        }
      }
      cancel.check();
      return new Result(out, List.copyOf(notices));
    }
  }

  /**
   * One list of series per query, or the backend's failure as a value so one request cannot fail
   * the others.
   */
  private Object answer(
      List<String> promqls, Instant from, Instant to, Duration step, Cancellation cancel) {
    try {
      return promqls.size() == 1
          ? List.of(metrics.queryRange(promqls.get(0), from, to, step, cancel))
          : metrics.queryRanges(promqls, from, to, step, cancel);
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
