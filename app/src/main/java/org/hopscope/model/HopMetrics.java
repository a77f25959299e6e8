package org.hopscope.model;

import java.util.List;

/**
 * One panel of one hop evaluated over a time range.
 *
 * @param hop hop name
 * @param panel panel title
 * @param query the panel's PromQL, variables substituted: these series are its answer alone (it may
 *     have been sent together with other panels in one request, ADR 0046)
 * @param series the result (empty when the query matched nothing)
 */
public record HopMetrics(String hop, String panel, String query, List<MetricSeries> series) {

  public HopMetrics {
    series = List.copyOf(series);
  }
}
