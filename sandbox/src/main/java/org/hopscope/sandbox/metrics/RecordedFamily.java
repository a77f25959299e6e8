package org.hopscope.sandbox.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One metric family recorded over a {@link StepGrid}: what the OpenMetrics and live writers need.
 */
interface RecordedFamily {

  /** Family name as in {@code # TYPE} (counters without {@code _total}). */
  String name();

  /** OpenMetrics type: {@code counter}, {@code gauge} or {@code histogram}. */
  String type();

  String help();

  /** Every sample series of the family, values per grid step, in OpenMetrics order. */
  List<SampleSeries> sampleSeries();

  /** The family's state at the end of the recording, for the live exporter. */
  LiveState.Family liveFamily();

  /** Label names zipped with label values, in order. */
  static Map<String, String> labels(List<String> names, List<String> values) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      labels.put(names.get(i), values.get(i));
    }
    return labels;
  }

  /**
   * One sample series: the sample name ({@code x_total}, {@code x_bucket}, ...), its labels in
   * order, and its value at every grid step.
   */
  record SampleSeries(String sampleName, Map<String, String> labels, double[] values) {}
}
