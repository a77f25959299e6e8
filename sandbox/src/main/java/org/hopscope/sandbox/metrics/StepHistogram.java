package org.hopscope.sandbox.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classic histogram family of durations recorded as per-step deltas. Each observation adds to one
 * bucket (the first whose bound is not below it), to the sum and to the count; buckets are made
 * cumulative only when written. Durations are kept in whole milliseconds, so bucket choice and sums
 * are exact; they are written in seconds.
 */
final class StepHistogram implements RecordedFamily {

  /** Upper bounds of the buckets in milliseconds; {@code +Inf} is implied after the last. */
  static final long[] BOUNDS_MILLIS = {
    5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000
  };

  private final String name;
  private final String help;
  private final StepGrid grid;
  private final List<String> labelNames;
  private final Map<List<String>, Deltas> series = new LinkedHashMap<>();

  /** Per-step deltas of one labelled histogram. */
  private record Deltas(long[][] buckets, long[] sumMillis, long[] count) {}

  StepHistogram(String name, String help, StepGrid grid, String... labelNames) {
    this.name = name;
    this.help = help;
    this.grid = grid;
    this.labelNames = List.of(labelNames);
  }

  /** Makes sure the series with these label values exists (so it is written even if empty). */
  void declare(String... labelValues) {
    deltas(labelValues);
  }

  /** Observes a duration of {@code durationMillis} at {@code epochMillis}. */
  void observe(long epochMillis, long durationMillis, String... labelValues) {
    int index = grid.indexOf(epochMillis);
    if (index < 0 || durationMillis < 0) {
      return;
    }
    Deltas d = deltas(labelValues);
    d.buckets[bucketOf(durationMillis)][index]++;
    d.sumMillis[index] += durationMillis;
    d.count[index]++;
  }

  /** The index of the bucket a duration falls into ({@code BOUNDS_MILLIS.length} = +Inf). */
  static int bucketOf(long durationMillis) {
    int b = 0;
    while (b < BOUNDS_MILLIS.length && durationMillis > BOUNDS_MILLIS[b]) {
      b++;
    }
    return b;
  }

  /**
   * The {@code le} label of bucket {@code b}, spelt as client_java spells it ({@code 0.005}, {@code
   * 1.0}, {@code +Inf}), so that recorded and live series are the same series.
   */
  static String le(int b) {
    return b < BOUNDS_MILLIS.length ? Double.toString(BOUNDS_MILLIS[b] / 1000.0) : "+Inf";
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return "histogram";
  }

  @Override
  public String help() {
    return help;
  }

  @Override
  public List<SampleSeries> sampleSeries() {
    List<SampleSeries> result = new ArrayList<>();
    series.forEach(
        (values, d) -> {
          double[][] cumulative = cumulativeBuckets(d);
          for (int b = 0; b < cumulative.length; b++) {
            Map<String, String> labels = labels(values);
            labels.put("le", le(b));
            result.add(new SampleSeries(name + "_bucket", labels, cumulative[b]));
          }
          result.add(
              new SampleSeries(name + "_sum", labels(values), seconds(grid.valuesOf(d.sumMillis))));
          result.add(new SampleSeries(name + "_count", labels(values), grid.valuesOf(d.count)));
        });
    return result;
  }

  @Override
  public LiveState.Family liveFamily() {
    int last = grid.size() - 1;
    List<LiveState.Series> result = new ArrayList<>();
    series.forEach(
        (values, d) -> {
          double[][] cumulative = cumulativeBuckets(d);
          List<LiveState.Bucket> buckets = new ArrayList<>();
          for (int b = 0; b < cumulative.length; b++) {
            double[] v = cumulative[b];
            buckets.add(new LiveState.Bucket(le(b), v[last], grid.perSecondAtEnd(v)));
          }
          double[] count = grid.valuesOf(d.count);
          double[] sum = seconds(grid.valuesOf(d.sumMillis));
          result.add(
              new LiveState.Series(
                  labels(values),
                  count[last],
                  grid.perSecondAtEnd(count),
                  buckets,
                  sum[last],
                  grid.perSecondAtEnd(sum)));
        });
    return new LiveState.Family(name, type(), help, result);
  }

  /** Cumulative count of bucket {@code b} (0-based, last = +Inf) at every step (tests, checks). */
  double[] bucketValues(int b, String... labelValues) {
    Deltas d = series.get(List.of(labelValues));
    return d == null ? new double[grid.size()] : cumulativeBuckets(d)[b];
  }

  private Deltas deltas(String... labelValues) {
    if (labelValues.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " needs label values for " + labelNames);
    }
    int n = grid.size();
    return series.computeIfAbsent(
        List.of(labelValues),
        k -> new Deltas(new long[BOUNDS_MILLIS.length + 1][n], new long[n], new long[n]));
  }

  private double[][] cumulativeBuckets(Deltas d) {
    double[][] result = new double[d.buckets.length][];
    for (int b = 0; b < d.buckets.length; b++) {
      result[b] = grid.valuesOf(d.buckets[b]);
      if (b > 0) {
        for (int i = 0; i < result[b].length; i++) {
          result[b][i] += result[b - 1][i];
        }
      }
    }
    return result;
  }

  private Map<String, String> labels(List<String> values) {
    return RecordedFamily.labels(labelNames, values);
  }

  private static double[] seconds(double[] millis) {
    for (int i = 0; i < millis.length; i++) {
      millis[i] = millis[i] / 1000.0;
    }
    return millis;
  }
}
