package org.hopscope.playbook;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hopscope.config.DurationText;
import org.hopscope.model.Hop;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.promql.PromQlTemplate;

/**
 * A check made ready to run with bound variables: the PromQL as it will be sent, or the
 * Elasticsearch count's hop, phrase and range. Everything a check can get wrong before any backend
 * is asked is found here, once, for {@link CheckEvaluator} and for {@code playbook validate} (which
 * prepares every check with the playbook's defaults, see {@link CheckPreflight}).
 */
sealed interface CheckPlan {

  /** The query text as the timeline shows it. */
  String query();

  /** A PromQL instant query. */
  record PromQl(String query) implements CheckPlan {}

  /** An Elasticsearch count at a hop over a range. */
  record EsCountPlan(EsCount.Count count, Hop hop, String match, TimeWindow range)
      implements CheckPlan {
    @Override
    public String query() {
      return HopCounter.describe(count, hop, range, match);
    }
  }

  /**
   * Prepares {@code check}.
   *
   * <ul>
   *   <li>PromQL: {@code ${hop}}, {@code ${service}} (the hop's metrics service name from the
   *       path), {@code ${window}} and {@code ${rate}} (bound, else 5m) are written by {@link
   *       PromQlTemplate} (escaped inside strings, durations only outside);
   *   <li>ES count: {@code hop} and {@code match} with the variables substituted; the hop must be
   *       one of {@code path}; the range is {@code [asOf - window, asOf)}.
   * </ul>
   *
   * @param path the path, or null (then an ES count cannot be prepared)
   * @throws IllegalArgumentException saying what is wrong (a bad template or value, an unknown hop,
   *     a window that is no duration)
   */
  static CheckPlan prepare(
      String stepId, Check check, Map<String, String> variables, PathDef path, Instant asOf) {
    if (check.kind() == Check.Kind.PROMQL) {
      Map<String, String> values = new HashMap<>();
      String hop = variables.getOrDefault("hop", "");
      values.put("hop", hop);
      values.put("service", path == null ? hop : path.hop(hop).map(Hop::service).orElse(hop));
      values.put("window", variables.getOrDefault("window", PlaybookVariables.DEFAULT_WINDOW));
      values.put("rate", variables.getOrDefault("rate", CheckEvaluator.DEFAULT_RATE));
      String where = "check of step " + stepId + " (line " + check.line() + ")";
      return new PromQl(PromQlTemplate.parse(where, check.query()).render(values));
    }
    EsCount count = EsCount.parse(check.query());
    String hopName = PlaybookVariables.substitute(count.hop(), variables);
    String match =
        count.match() == null ? null : PlaybookVariables.substitute(count.match(), variables);
    Duration window = duration(variables.getOrDefault("window", PlaybookVariables.DEFAULT_WINDOW));
    if (path == null || path.hop(hopName).isEmpty()) {
      throw new IllegalArgumentException(
          "hop '"
              + hopName
              + "' is not a hop of path "
              + (path == null ? "(none)" : path.name())
              + (path == null
                  ? ""
                  : "; its hops are "
                      + String.join(", ", path.hops().stream().map(Hop::name).toList())));
    }
    return new EsCountPlan(
        count.count(), path.hop(hopName).get(), match, TimeWindow.ending(asOf, window));
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
}
