package org.hopscope.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.config.DurationText;
import org.hopscope.model.Hop;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckEvaluation;
import org.hopscope.model.playbook.CheckEvaluation.Failure;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckResult.Outcome;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.promql.PromQlTemplate;
import org.hopscope.model.promql.PromQlTemplateException;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;

/**
 * Evaluates a playbook check against the backends at an instant.
 *
 * <ul>
 *   <li>PromQL: the template may use {@code ${hop}}, {@code ${service}} (the hop's metrics service
 *       name from the path), {@code ${window}} and {@code ${rate}} (bound, else 5m); values are
 *       written by {@link PromQlTemplate} (escaped inside strings, durations validated outside).
 *       Instant query at {@code asOf}: one series gives the value; no series gives 0 (said in the
 *       detail); several series are an error (aggregate them).
 *   <li>ES count: over {@code [asOf - window, asOf)} in every source of the hop (from the path's
 *       index patterns and field maps), summed over sources; {@code messages} counts distinct
 *       values of each source's first message-ID field (one count across sources that share it,
 *       else the largest).
 * </ul>
 *
 * Backend errors, bad templates and bad variables become an {@link Outcome#ERROR} result whose
 * detail says what and where; only a cancel is thrown. Thread-safe when the sources are.
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
   * @param asOf the instant evaluated at (the end of the lookback window)
   * @throws Cancellation.CancelledException when cancelled
   */
  public CheckEvaluation evaluateDetailed(
      String stepId,
      Check check,
      Map<String, String> variables,
      PathDef path,
      Instant asOf,
      Cancellation cancel) {
    Verdict verdict = new Verdict(stepId, check);
    return check.kind() == Check.Kind.PROMQL
        ? promql(verdict, variables, path, asOf, cancel)
        : esCount(verdict, variables, path, asOf, cancel);
  }

  private CheckEvaluation promql(
      Verdict verdict,
      Map<String, String> variables,
      PathDef path,
      Instant asOf,
      Cancellation cancel) {
    Check check = verdict.check();
    String query = check.query();
    try {
      Map<String, String> values = new HashMap<>();
      String hop = variables.getOrDefault("hop", "");
      values.put("hop", hop);
      values.put("service", path == null ? hop : path.hop(hop).map(Hop::service).orElse(hop));
      values.put("window", variables.getOrDefault("window", "30m"));
      values.put("rate", variables.getOrDefault("rate", DEFAULT_RATE));
      String where = "check of step " + verdict.stepId() + " (line " + check.line() + ")";
      query = PromQlTemplate.parse(where, check.query()).render(values);
    } catch (PromQlTemplateException e) {
      return verdict.error(query, Failure.INPUT, e.getMessage());
    }
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
      return verdict.judge(query, 0, "no series: taken as 0", List.of());
    }
    if (series.size() > 1) {
      return verdict.error(
          query,
          Failure.INPUT,
          "the query returned " + series.size() + " series; aggregate it (e.g. sum(...))");
    }
    List<MetricSeries.Point> samples = series.get(0).points();
    if (samples.isEmpty()) {
      return verdict.judge(query, 0, "no sample: taken as 0", List.of());
    }
    double value = samples.get(samples.size() - 1).value();
    if (Double.isNaN(value)) {
      return verdict.error(
          query, Failure.INPUT, "the query's value is NaN (e.g. 0/0): no value to judge");
    }
    return verdict.judge(query, value, "", List.of());
  }

  private CheckEvaluation esCount(
      Verdict verdict,
      Map<String, String> variables,
      PathDef path,
      Instant asOf,
      Cancellation cancel) {
    String query = verdict.check().query();
    EsCount count;
    String hopName;
    String match;
    Duration window;
    try {
      count = EsCount.parse(query);
      hopName = PlaybookVariables.substitute(count.hop(), variables);
      match = count.match() == null ? null : PlaybookVariables.substitute(count.match(), variables);
      window = duration(variables.getOrDefault("window", "30m"));
    } catch (IllegalArgumentException e) {
      return verdict.error(query, Failure.INPUT, e.getMessage());
    }
    if (path == null || path.hop(hopName).isEmpty()) {
      return verdict.error(
          query,
          Failure.INPUT,
          "hop '" + hopName + "' is not a hop of path " + (path == null ? "(none)" : path.name()));
    }
    Hop hop = path.hop(hopName).get();
    TimeWindow range = TimeWindow.ending(asOf, window);
    query = HopCounter.describe(count.count(), hop, range, match);
    if (events == null) {
      return verdict.error(query, Failure.BACKEND, "no Elasticsearch is configured: give --es URL");
    }
    List<Notice> notices = new ArrayList<>();
    try {
      long value = new HopCounter(events).count(count.count(), hop, range, match, notices, cancel);
      // the notices' texts are the detail, as the timeline and the JSON show it
      String detail = String.join("; ", notices.stream().map(Notice::text).toList());
      return verdict.judge(query, value, detail, notices);
    } catch (SourceException e) {
      return verdict.error(query, Failure.BACKEND, e.getMessage());
    }
  }

  /**
   * A window variable as a duration (config.DurationText: 30m, 2h, 1d, 1w, 1h30m).
   *
   * @throws IllegalArgumentException saying what is expected
   */
  static Duration duration(String text) {
    try {
      return DurationText.parse(text == null ? "" : text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("window: " + e.getMessage(), e);
    }
  }

  /** Turns what one check of one step found into its evaluation. */
  private record Verdict(String stepId, Check check) {

    CheckEvaluation judge(String query, double value, String detail, List<Notice> notices) {
      Outcome outcome =
          check.comparison().holds(value, check.threshold()) ? Outcome.PASS : Outcome.FAIL;
      return new CheckEvaluation(
          new CheckResult(
              stepId,
              query,
              value,
              check.comparison(),
              check.threshold(),
              outcome,
              detail,
              notices),
          Failure.NONE);
    }

    CheckEvaluation error(String query, Failure failure, String detail) {
      return new CheckEvaluation(
          new CheckResult(
              stepId, query, null, check.comparison(), check.threshold(), Outcome.ERROR, detail),
          failure);
    }
  }
}
