package org.hopscope.playbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckEvaluation.Failure;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckResult.Outcome;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;

/**
 * Evaluates a playbook check against the backends as of an instant (see {@link CheckPlan} for how
 * the query is made).
 *
 * <ul>
 *   <li>PromQL: an instant query at {@code asOf}. One series gives the value; several are an error
 *       (aggregate them); no series, no sample or NaN (0/0) is no data.
 *   <li>ES count: over {@code [asOf - window, asOf)} in every source of the hop (from the path's
 *       index patterns and field maps), summed; {@code messages} counts distinct values of each
 *       source's first message-ID field (one count across sources that share it, else the largest).
 *       An index pattern that matches no index or may not be read, and sources holding no event at
 *       all in the range, are no data.
 * </ul>
 *
 * No data is {@link Outcome#NO_DATA} with the reason as the detail ("no series for QUERY", "index
 * pattern X matches no index", "no privilege on X"), unless the check declares {@code noData: pass}
 * or {@code noData: fail}: then that outcome, without a value, the reason still in the detail.
 * Backend errors, bad templates and bad variables become an {@link Outcome#ERROR} result whose
 * detail says what and where; only a cancel is thrown. Every result carries {@code asOf}.
 * Thread-safe when the sources are.
 */
public final class CheckEvaluator {

  /** {@code $rate} when the playbook binds none. */
  public static final String DEFAULT_RATE = "5m";

  private final MetricSource metrics;
  private final EventSource events;

  /**
   * @param metrics for PromQL checks, or null when no Prometheus is configured
   * @param events for ES counts, or null when no Elasticsearch is configured
   */
  public CheckEvaluator(MetricSource metrics, EventSource events) {
    this.metrics = metrics;
    this.events = events;
  }

  /**
   * Evaluates {@code check} of step {@code stepId}, saying whose fault an ERROR is.
   *
   * @param variables bound variables ({@link PlaybookVariables#bind}); never null
   * @param path the path the hops are resolved in
   * @param asOf the instant evaluated at: PromQL's evaluation time, the end of a count's range
   * @throws Cancellation.CancelledException when cancelled
   */
  public CheckEvaluation evaluateDetailed(
      String stepId,
      Check check,
      Map<String, String> variables,
      PathDef path,
      Instant asOf,
      Cancellation cancel) {
    Verdict verdict = new Verdict(stepId, check, asOf);
    CheckPlan plan;
    try {
      plan = CheckPlan.prepare(stepId, check, variables, path, asOf);
    } catch (IllegalArgumentException e) {
      return verdict.error(check.query(), Failure.INPUT, e.getMessage());
    }
    return plan instanceof CheckPlan.PromQl p
        ? promql(verdict, p.query(), asOf, cancel)
        : esCount(verdict, (CheckPlan.EsCountPlan) plan, cancel);
  }

  private CheckEvaluation promql(Verdict verdict, String query, Instant asOf, Cancellation cancel) {
    if (metrics == null) {
      return verdict.error(
          query, Failure.BACKEND, "no Prometheus is configured: give --prometheus URL");
    }
    List<MetricSeries> series;
    try {
      series = metrics.query(query, asOf, cancel);
    } catch (SourceException e) {
      return verdict.error(query, Failure.BACKEND, e.getMessage());
    }
    if (series.isEmpty()) {
      return verdict.noData(query, "no series for " + query);
    }
    if (series.size() > 1) {
      return verdict.error(
          query,
          Failure.INPUT,
          "the query returned " + series.size() + " series; aggregate it (e.g. sum(...))");
    }
    List<MetricSeries.Point> samples = series.get(0).points();
    if (samples.isEmpty()) {
      return verdict.noData(query, "no sample for " + query);
    }
    double value = samples.get(samples.size() - 1).value();
    if (Double.isNaN(value)) {
      return verdict.noData(query, "the value of " + query + " is NaN (0/0: nothing to divide)");
    }
    return verdict.judge(query, value, "", List.of());
  }

  private CheckEvaluation esCount(
      Verdict verdict, CheckPlan.EsCountPlan plan, Cancellation cancel) {
    String query = plan.query();
    if (events == null) {
      return verdict.error(query, Failure.BACKEND, "no Elasticsearch is configured: give --es URL");
    }
    List<Notice> notices = new ArrayList<>();
    try {
      long value =
          new HopCounter(events)
              .count(plan.count(), plan.hop(), plan.range(), plan.match(), notices, cancel);
      // the notices' texts are the detail, as the timeline and the JSON show it
      String detail = String.join("; ", notices.stream().map(Notice::text).toList());
      return verdict.judge(query, value, detail, notices);
    } catch (HopCounter.NoData e) {
      return verdict.noData(query, e.getMessage());
    } catch (SourceException e) {
      return verdict.error(query, Failure.BACKEND, e.getMessage());
    }
  }

  /** Turns what one check of one step found into its evaluation. */
  private record Verdict(String stepId, Check check, Instant asOf) {

    CheckEvaluation judge(String query, double value, String detail, List<Notice> notices) {
      Outcome outcome =
          check.comparison().holds(value, check.threshold()) ? Outcome.PASS : Outcome.FAIL;
      return result(query, value, outcome, detail, notices);
    }

    /** No data: NO DATA, or what the check's {@code noData} declares, the reason as detail. */
    CheckEvaluation noData(String query, String reason) {
      return switch (check.noData()) {
        case NO_DATA -> result(query, null, Outcome.NO_DATA, reason, List.of());
        case PASS -> result(query, null, Outcome.PASS, reason + "; noData: pass", List.of());
        case FAIL -> result(query, null, Outcome.FAIL, reason + "; noData: fail", List.of());
      };
    }

    CheckEvaluation error(String query, Failure failure, String detail) {
      return new CheckEvaluation(
          new CheckResult(
              stepId,
              query,
              null,
              check.comparison(),
              check.threshold(),
              Outcome.ERROR,
              detail,
              asOf),
          failure);
    }

    private CheckEvaluation result(
        String query, Double value, Outcome outcome, String detail, List<Notice> notices) {
      return new CheckEvaluation(
          new CheckResult(
              stepId,
              query,
              value,
              check.comparison(),
              check.threshold(),
              outcome,
              detail,
              notices,
              asOf),
          Failure.NONE);
    }
  }
}
