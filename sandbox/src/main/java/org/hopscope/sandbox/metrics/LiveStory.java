package org.hopscope.sandbox.metrics;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The recorded incident going on after the recording: counters grow at their recorded rate (with up
 * to {@value #RATE_NOISE} relative noise, never decreasing), histogram buckets and sums likewise,
 * gauges follow their recorded trend (clamped at 0, {@value #GAUGE_NOISE} relative jitter). The
 * time between the end of the recording and the start is caught up without noise, so the first
 * scrape continues the history smoothly. Thread-safe.
 */
final class LiveStory {

  static final double RATE_NOISE = 0.1;
  static final double GAUGE_NOISE = 0.02;

  private final List<FamilyTrack> families = new ArrayList<>();
  private final RandomGenerator random;
  private final long recordedUntil;
  private long lastMillis;

  /** One family's running values; for counters and gauges one slot per series. */
  private record FamilyTrack(LiveState.Family family, List<SeriesTrack> series) {}

  /**
   * One series' running values. Counters: {@code slots[0]}; histograms: one slot per bucket (not
   * cumulative) then the sum; gauges: nothing (computed from the trend).
   */
  private record SeriesTrack(
      LiveState.Series series, Labels labels, double[] slots, double[] rates) {}

  /**
   * @param state the recorded end state
   * @param startMillis now, epoch millis; the story is caught up from {@code recordedUntil} to it
   * @param random noise source
   */
  LiveStory(LiveState state, long startMillis, RandomGenerator random) {
    this.random = random;
    this.recordedUntil = state.recordedUntil();
    this.lastMillis = recordedUntil;
    for (LiveState.Family family : state.families()) {
      List<SeriesTrack> tracks = new ArrayList<>();
      for (LiveState.Series series : family.series()) {
        tracks.add(track(family.type(), series));
      }
      families.add(new FamilyTrack(family, tracks));
    }
    advance(startMillis, false);
  }

  private static SeriesTrack track(String type, LiveState.Series series) {
    Labels labels = labels(series.labels());
    if (type.equals("histogram")) {
      List<LiveState.Bucket> buckets = series.buckets();
      int n = buckets.size();
      double[] slots = new double[n + 1];
      double[] rates = new double[n + 1];
      for (int b = 0; b < n; b++) {
        double below = b == 0 ? 0 : buckets.get(b - 1).value();
        double belowRate = b == 0 ? 0 : buckets.get(b - 1).perSecond();
        slots[b] = buckets.get(b).value() - below;
        rates[b] = Math.max(0, buckets.get(b).perSecond() - belowRate);
      }
      slots[n] = series.sum();
      rates[n] = Math.max(0, series.sumPerSecond());
      return new SeriesTrack(series, labels, slots, rates);
    }
    return new SeriesTrack(
        series,
        labels,
        new double[] {series.value()},
        new double[] {Math.max(0, series.perSecond())});
  }

  private static Labels labels(Map<String, String> labels) {
    return Labels.of(List.copyOf(labels.keySet()), List.copyOf(labels.values()));
  }

  /**
   * The story's metrics as of {@code nowMillis} (earlier instants than the last one count as it).
   */
  synchronized MetricSnapshots snapshotAt(long nowMillis) {
    advance(nowMillis, true);
    double secondsSinceRecording = (lastMillis - recordedUntil) / 1000.0;
    List<MetricSnapshot> snapshots = new ArrayList<>();
    for (FamilyTrack track : families) {
      LiveState.Family family = track.family();
      switch (family.type()) {
        case "counter" -> {
          CounterSnapshot.Builder b =
              CounterSnapshot.builder().name(family.name()).help(family.help());
          for (SeriesTrack s : track.series()) {
            b.dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder()
                    .labels(s.labels())
                    .value(Math.floor(s.slots()[0]))
                    .build());
          }
          snapshots.add(b.build());
        }
        case "gauge" -> {
          GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(family.name()).help(family.help());
          for (SeriesTrack s : track.series()) {
            double trend = s.series().value() + s.series().perSecond() * secondsSinceRecording;
            double jitter = 1 + GAUGE_NOISE * (2 * random.nextDouble() - 1);
            b.dataPoint(
                GaugeSnapshot.GaugeDataPointSnapshot.builder()
                    .labels(s.labels())
                    .value(Math.max(0, Math.round(trend * jitter)))
                    .build());
          }
          snapshots.add(b.build());
        }
        case "histogram" -> snapshots.add(histogram(track));
        default ->
            throw new IllegalStateException(
                "live state family " + family.name() + " has unknown type " + family.type());
      }
    }
    return new MetricSnapshots(snapshots);
  }

  private static HistogramSnapshot histogram(FamilyTrack track) {
    LiveState.Family family = track.family();
    HistogramSnapshot.Builder b =
        HistogramSnapshot.builder().name(family.name()).help(family.help());
    for (SeriesTrack s : track.series()) {
      List<LiveState.Bucket> buckets = s.series().buckets();
      double[] bounds = new double[buckets.size()];
      long[] counts = new long[buckets.size()];
      for (int i = 0; i < bounds.length; i++) {
        String le = buckets.get(i).le();
        bounds[i] = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        counts[i] = (long) Math.floor(s.slots()[i]);
      }
      b.dataPoint(
          HistogramSnapshot.HistogramDataPointSnapshot.builder()
              .labels(s.labels())
              .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
              .sum(s.slots()[bounds.length])
              .build());
    }
    return b.build();
  }

  private void advance(long nowMillis, boolean noisy) {
    if (nowMillis <= lastMillis) {
      return;
    }
    double seconds = (nowMillis - lastMillis) / 1000.0;
    for (FamilyTrack track : families) {
      if (track.family().type().equals("gauge")) {
        continue;
      }
      for (SeriesTrack s : track.series()) {
        for (int i = 0; i < s.slots().length; i++) {
          double factor = noisy ? 1 + RATE_NOISE * (2 * random.nextDouble() - 1) : 1;
          s.slots()[i] += s.rates()[i] * seconds * factor;
        }
      }
    }
    lastMillis = nowMillis;
  }
}
