package org.hopscope.correlate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hopscope.model.MetricSeries;
import org.hopscope.source.Cancellation;
import org.hopscope.source.MetricSource;

/**
 * A {@link MetricSource} for logic tests of the engine and the benches, which ask only range
 * queries.
 */
public abstract class RangeOnlyMetrics implements MetricSource {

  @Override
  public List<MetricSeries> query(String promql, Instant time, Cancellation cancel) {
    throw new UnsupportedOperationException("not used by the engine");
  }

  @Override
  public List<Map<String, String>> series(
      List<String> m, Instant from, Instant to, Cancellation c) {
    throw new UnsupportedOperationException("not used by the engine");
  }

  @Override
  public List<Exemplars> exemplars(String promql, Instant from, Instant to, Cancellation cancel) {
    throw new UnsupportedOperationException("not used by the engine");
  }

  @Override
  public void close() {}
}
