package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;
import org.hopscope.source.SourceException;

/**
 * A {@link MetricSource} that combines queries, for logic tests: each query's answer is one series
 * labelled with the query, a query containing {@code boom} fails alone, and a combined request
 * containing {@code nope} fails whole. Records every request (thread-safe).
 */
public final class CombiningMetrics extends RangeOnlyMetrics {

  private final List<List<String>> requests = new ArrayList<>();

  public synchronized List<List<String>> requests() {
    return List.copyOf(requests);
  }

  static List<MetricSeries> answer(String promql) {
    return List.of(new MetricSeries(Map.of("q", promql), List.of()));
  }

  @Override
  public boolean combinesQueries() {
    return true;
  }

  @Override
  public List<List<MetricSeries>> queryRanges(
      List<String> promqls, Instant from, Instant to, Duration step, Cancellation cancel) {
    synchronized (this) {
      requests.add(List.copyOf(promqls));
    }
    if (promqls.stream().anyMatch(q -> q.contains("nope") || q.contains("boom"))) {
      throw new SourceException(
          "Prometheus", SourceException.Kind.REJECTED, "combined request rejected", null);
    }
    return promqls.stream().map(CombiningMetrics::answer).toList();
  }

  @Override
  public List<MetricSeries> queryRange(
      String promql, Instant from, Instant to, Duration step, Cancellation cancel) {
    synchronized (this) {
      requests.add(List.of(promql));
    }
    if (promql.contains("boom")) {
      throw new SourceException(
          "Prometheus", SourceException.Kind.REJECTED, "rejected " + promql, null);
    }
    return answer(promql);
  }
}
