package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.hopscope.config.ResolvedConnection;
import org.hopscope.correlate.FlowAssembler;
import org.hopscope.correlate.FlowOptions;
import org.hopscope.correlate.HopMetricsFetcher;
import org.hopscope.correlate.StuckAnalyzer;
import org.hopscope.correlate.StuckComparer;
import org.hopscope.correlate.StuckEstimator;
import org.hopscope.correlate.StuckOptions;
import org.hopscope.model.Flow;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.playbook.CheckEvaluator;
import org.hopscope.source.Cancellation;
import org.hopscope.source.SourceException;

/**
 * The engine bound to one connection: the questions both faces ask (one message's flow, one
 * window's stuck messages, a playbook's checks), with the thread pools they fan out on. The only
 * place that builds the flow assembler, the window analyzer and the check evaluator. Every
 * operation takes the caller's {@link Cancellation} (Ctrl-C in the CLI, a newer search in the
 * client); the backends' timeouts come from the connection. Thread-safe; closing it closes the
 * backends and the pools.
 */
public final class Engine implements AutoCloseable {

  /** Margin around a flow's span for its hop metrics. */
  public static final Duration METRICS_MARGIN = Duration.ofMinutes(5);

  /**
   * Panel requests in flight at once: Prometheus gets a flow's panels in two combined requests (ADR
   * 0046); a backend that does not combine, or the panels of a failed combined request, get one
   * request per panel, every panel of a usual path in one wave.
   */
  public static final int PANEL_THREADS = 16;

  /** Scans whose next page is fetched while the others are merged. */
  public static final int SCAN_THREADS = 3;

  /** The estimate stage beside the exact scans: one runs it, the others its requests. */
  public static final int ESTIMATE_THREADS = 5;

  private final Backends backends;
  private final ExecutorService panels;
  private final ExecutorService scans;
  private final ExecutorService estimates;
  private final CheckEvaluator checks;

  private Engine(Backends backends) {
    this.backends = backends;
    this.panels = Executors.newFixedThreadPool(PANEL_THREADS, daemon("hopscope-panels"));
    this.scans = Executors.newFixedThreadPool(SCAN_THREADS, daemon("hopscope-scans"));
    this.estimates = Executors.newFixedThreadPool(ESTIMATE_THREADS, daemon("hopscope-estimate"));
    this.checks = new CheckEvaluator(backends.metrics(), backends.events());
  }

  /**
   * Connects to the backends of {@code connection}; nothing is asked of them yet. Its notices (e.g.
   * certificate checks off) are {@link ResolvedConnection#notices()}.
   */
  public static Engine open(ResolvedConnection connection) {
    return new Engine(Backends.open(connection));
  }

  /**
   * Assembles the flow of message {@code id} on {@code path}, with hop metrics when a metrics
   * backend is configured (a metrics failure becomes a warning on the flow).
   *
   * @param window the search window, or null for no time bound
   * @param asOf the analysis time (SLA and in-flight verdicts are measured to it)
   */
  public Flow flow(PathDef path, String id, TimeWindow window, Instant asOf, Cancellation cancel) {
    return flow(path, id, window, asOf, true, cancel);
  }

  /**
   * Like {@link #flow(PathDef, String, TimeWindow, Instant, Cancellation)}; without {@code metrics}
   * the hops' panels are not asked for ({@code flow --no-metrics}).
   */
  public Flow flow(
      PathDef path,
      String id,
      TimeWindow window,
      Instant asOf,
      boolean metrics,
      Cancellation cancel) {
    return flow(path, id, window, asOf, metrics, cancel, null);
  }

  /**
   * Like {@link #flow(PathDef, String, TimeWindow, Instant, boolean, Cancellation)}; a message with
   * more events than a first page hands {@code early} a first answer (its events so far, every
   * verdict UNKNOWN, what is still being read named) before the rest is read (see {@link
   * FlowAssembler}); null for none.
   */
  public Flow flow(
      PathDef path,
      String id,
      TimeWindow window,
      Instant asOf,
      boolean metrics,
      Cancellation cancel,
      java.util.function.Consumer<Flow> early) {
    FollowedId.check(id);
    HopMetricsFetcher fetcher = metrics ? backends.hopMetrics(panels) : null;
    return new FlowAssembler(backends.events(), fetcher, FlowOptions.defaults())
        .assemble(path, id, window, asOf, cancel, early);
  }

  /**
   * Compares message {@code id} hop by hop with {@code with}, or without it with the nearest OK
   * message of the path (docs/decisions/0023); flows without hop metrics.
   *
   * @param with the message to compare with, or null to find a healthy one
   */
  public org.hopscope.model.Comparison compare(
      PathDef path, String id, String with, TimeWindow window, Instant asOf, Cancellation cancel) {
    FollowedId.check(id);
    if (with != null) {
      FollowedId.check(with);
    }
    return new MessageComparison(backends.events(), (m, c) -> flow(path, m, window, asOf, false, c))
        .compare(path, id, with, cancel);
  }

  /**
   * Analyses {@code window} on {@code path}: per-hop counts, and the stuck, failed and
   * dead-lettered messages handed to {@code messages} as they are found (on the calling thread).
   */
  public StuckReport stuck(
      PathDef path,
      TimeWindow window,
      Instant asOf,
      Consumer<StuckMessage> messages,
      Cancellation cancel) {
    return new StuckAnalyzer(backends.events(), StuckOptions.defaults().withPrefetch(scans))
        .analyze(path, window, asOf, messages, cancel);
  }

  /**
   * The stuck funnel's first stage: per-hop estimates of what {@link #stuck} will count, from the
   * same analysis on a hash sample of the message IDs (seconds, not the scans' minutes), each with
   * its error bound, or unknown with why. Never throws for an unreadable source or a backend
   * failure: those figures are unknown.
   */
  public StuckEstimate estimateStuck(
      PathDef path, TimeWindow window, Instant asOf, Cancellation cancel) {
    return new StuckEstimator(backends.events(), estimates).estimate(path, window, asOf, cancel);
  }

  /**
   * {@link #estimateStuck} on the engine's own estimate pool, so that it runs beside {@link #stuck}
   * (whose scans keep their pool): the funnel is ready in seconds while the scans go on. Completes
   * exceptionally with {@link Cancellation.CancelledException} when cancelled.
   */
  public CompletableFuture<StuckEstimate> estimateStuckAsync(
      PathDef path, TimeWindow window, Instant asOf, Cancellation cancel) {
    return CompletableFuture.supplyAsync(
        () -> estimateStuck(path, window, asOf, cancel), estimates);
  }

  /**
   * What changed: analyses {@code report}'s baseline window ({@link StuckBaseline#of}) with the
   * same analysis, as of the baseline window's end (as the analysed window was judged as of its
   * own), and compares the two ({@link StuckComparer}). A baseline the event backend could not
   * answer for is "baseline unavailable" with the backend's reason, never a drop to zero.
   *
   * @throws Cancellation.CancelledException when cancelled
   */
  public StuckComparison compare(
      PathDef path, StuckReport report, StuckBaseline baseline, Cancellation cancel) {
    TimeWindow before = baseline.of(report.window());
    StuckReport earlier;
    try {
      earlier = stuck(path, before, before.to(), m -> {}, cancel);
    } catch (SourceException e) {
      return StuckComparer.compare(report, baseline, before, null, e.getMessage());
    }
    return StuckComparer.compare(report, baseline, before, earlier, null);
  }

  /**
   * Evaluates {@code step}'s check with the bound {@code variables} as of {@code asOf}; a backend
   * or input problem is an ERROR result saying whose fault it is.
   *
   * @param variables bound variables ({@link org.hopscope.model.playbook.PlaybookVariables#bind});
   *     never null
   * @throws Cancellation.CancelledException when cancelled
   */
  public CheckEvaluation check(
      PathDef path, Step step, Map<String, String> variables, Instant asOf, Cancellation cancel) {
    return checks.evaluateDetailed(step.id(), step.check(), variables, path, asOf, cancel);
  }

  /**
   * Evaluates every check of {@code playbook} in file order (no branching), handing each step and
   * its evaluation to {@code each} as it is done (on the calling thread).
   *
   * @return every step in file order; a step without a check maps to null
   */
  public Map<Step, CheckEvaluation> checks(
      PathDef path,
      Playbook playbook,
      Map<String, String> variables,
      Instant asOf,
      BiConsumer<Step, CheckEvaluation> each,
      Cancellation cancel) {
    Map<Step, CheckEvaluation> done = new LinkedHashMap<>();
    for (Step step : playbook.steps()) {
      CheckEvaluation e = step.check() == null ? null : check(path, step, variables, asOf, cancel);
      done.put(step, e);
      if (e != null) {
        each.accept(step, e);
      }
    }
    return done;
  }

  /**
   * The active alerts about {@code path} from Prometheus and, when the profile names one,
   * Alertmanager: merged, filtered to the path's hops, each with its playbook link over its window
   * (to {@code asOf}). A backend that fails is named in the report, the other's alerts still shown.
   */
  public AlertsReport alerts(PathDef path, Instant asOf, Cancellation cancel) {
    return new AlertDesk(backends.prometheusAlerts(), backends.alertmanagerAlerts())
        .alerts(path, asOf, cancel);
  }

  @Override
  public void close() {
    panels.shutdownNow();
    scans.shutdownNow();
    estimates.shutdownNow();
    backends.close();
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
