package org.hopscope.sandbox.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A counter or gauge family recorded as per-step deltas: adding an event is O(1), the values are
 * prefix sums computed when written. Memory is one {@code long} per series and step.
 */
final class StepFamily implements RecordedFamily {

  /** Counter (only ever increases) or gauge (goes up and down). */
  enum Kind {
    COUNTER,
    GAUGE
  }

  private final String name;
  private final Kind kind;
  private final String help;
  private final StepGrid grid;
  private final List<String> labelNames;
  private final Map<List<String>, long[]> deltas = new LinkedHashMap<>();

  StepFamily(String name, Kind kind, String help, StepGrid grid, String... labelNames) {
    this.name = name;
    this.kind = kind;
    this.help = help;
    this.grid = grid;
    this.labelNames = List.of(labelNames);
  }

  /** The deltas of the series with these label values (in label name order), created if new. */
  long[] series(String... labelValues) {
    if (labelValues.length != labelNames.size()) {
      throw new IllegalArgumentException(name + " needs label values for " + labelNames);
    }
    return deltas.computeIfAbsent(List.of(labelValues), k -> new long[grid.size()]);
  }

  /** Adds {@code amount} to {@code series} from the step of {@code epochMillis} on. */
  void add(long[] series, long epochMillis, long amount) {
    int index = grid.indexOf(epochMillis);
    if (index >= 0) {
      series[index] += amount;
    }
  }

  /**
   * Gauge of things in progress: +1 from {@code startMillis}, -1 again from {@code endMillis}
   * ({@code endMillis < 0}: never ends within the recording).
   */
  void addInterval(long[] series, long startMillis, long endMillis) {
    if (grid.indexOf(startMillis) < 0) {
      return;
    }
    add(series, startMillis, 1);
    if (endMillis >= 0) {
      add(series, Math.max(endMillis, startMillis), -1);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String type() {
    return kind == Kind.COUNTER ? "counter" : "gauge";
  }

  @Override
  public String help() {
    return help;
  }

  @Override
  public List<SampleSeries> sampleSeries() {
    String sampleName = kind == Kind.COUNTER ? name + "_total" : name;
    List<SampleSeries> result = new ArrayList<>();
    deltas.forEach(
        (values, d) -> result.add(new SampleSeries(sampleName, labels(values), grid.valuesOf(d))));
    return result;
  }

  @Override
  public LiveState.Family liveFamily() {
    int last = grid.size() - 1;
    List<LiveState.Series> series = new ArrayList<>();
    deltas.forEach(
        (values, d) -> {
          double[] v = grid.valuesOf(d);
          series.add(
              new LiveState.Series(
                  labels(values), v[last], grid.perSecondAtEnd(v), null, null, null));
        });
    return new LiveState.Family(name, type(), help, series);
  }

  /** Value of the series with these label values at every step (tests, checks). */
  double[] valuesOf(String... labelValues) {
    long[] d = deltas.get(List.of(labelValues));
    return d == null ? new double[grid.size()] : grid.valuesOf(d);
  }

  private Map<String, String> labels(List<String> values) {
    return RecordedFamily.labels(labelNames, values);
  }
}
