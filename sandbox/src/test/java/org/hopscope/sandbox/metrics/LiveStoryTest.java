package org.hopscope.sandbox.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiveStoryTest {

  private static final long T0 = 1_700_000_000_000L;
  private static final Map<String, String> LABELS = Map.of("service", "erp-adapter");

  private final LiveState state =
      new LiveState(
          T0,
          List.of(
              new LiveState.Family(
                  "erp_calls",
                  "counter",
                  "Calls.",
                  List.of(new LiveState.Series(LABELS, 1000, 2.0, null, null, null))),
              new LiveState.Family(
                  "kafka_consumergroup_lag",
                  "gauge",
                  "Lag.",
                  List.of(new LiveState.Series(LABELS, 500, 0.5, null, null, null))),
              new LiveState.Family(
                  "erp_call_duration_seconds",
                  "histogram",
                  "ERP.",
                  List.of(
                      new LiveState.Series(
                          LABELS,
                          10,
                          1.0,
                          List.of(
                              new LiveState.Bucket("1.0", 4, 0.25),
                              new LiveState.Bucket("+Inf", 10, 1.0)),
                          40.0,
                          4.0)))));

  @Test
  void catchesUpWithoutNoiseFromTheEndOfTheRecording() {
    LiveStory story = new LiveStory(state, T0 + 100_000, new SplittableRandom(1));
    MetricSnapshots s = story.snapshotAt(T0 + 100_000);

    assertThat(counter(s)).isEqualTo(1200);
    HistogramSnapshot.HistogramDataPointSnapshot h = histogram(s);
    assertThat(h.getClassicBuckets().getCount(0)).isEqualTo(29); // 4 + 0.25 * 100
    assertThat(h.getClassicBuckets().getCount(1)).isEqualTo(81); // 6 + 0.75 * 100
    assertThat(h.getCount()).isEqualTo(110);
    assertThat(h.getSum()).isEqualTo(440.0);
    assertThat(gauge(s)).isBetween(550 * 0.98, 550 * 1.02);
  }

  @Test
  void countersNeverDecreaseAndKeepTheRecordedRateOnAverage() {
    LiveStory story = new LiveStory(state, T0, new SplittableRandom(7));
    double previous = counter(story.snapshotAt(T0));
    double previousSum = histogram(story.snapshotAt(T0)).getSum();
    for (long t = T0 + 1_000; t <= T0 + 3_600_000; t += 1_000) {
      MetricSnapshots s = story.snapshotAt(t);
      assertThat(counter(s)).isGreaterThanOrEqualTo(previous);
      assertThat(histogram(s).getSum()).isGreaterThanOrEqualTo(previousSum);
      previous = counter(s);
      previousSum = histogram(s).getSum();
    }
    // 2/s for an hour, noise +-10% per second averaging out to well under 1%
    assertThat(previous).isBetween(1000 + 7200 * 0.99, 1000 + 7200 * 1.01);
    // the gauge follows its trend: 500 + 0.5/s * 3600 s, +-2% jitter
    assertThat(gauge(story.snapshotAt(T0 + 3_600_000))).isBetween(2300 * 0.98, 2300 * 1.02);
  }

  private static double counter(MetricSnapshots s) {
    return ((CounterSnapshot) named(s, "erp_calls")).getDataPoints().get(0).getValue();
  }

  private static double gauge(MetricSnapshots s) {
    return ((GaugeSnapshot) named(s, "kafka_consumergroup_lag")).getDataPoints().get(0).getValue();
  }

  private static HistogramSnapshot.HistogramDataPointSnapshot histogram(MetricSnapshots s) {
    return ((HistogramSnapshot) named(s, "erp_call_duration_seconds")).getDataPoints().get(0);
  }

  private static MetricSnapshot named(MetricSnapshots s, String name) {
    return s.stream().filter(m -> m.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }
}
