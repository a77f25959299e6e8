package org.hopscope.sandbox.metrics;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes recorded families as the OpenMetrics text that {@code promtool tsdb create-blocks-from
 * openmetrics} (Prometheus 2.42) reads: per family {@code # HELP} and {@code # TYPE}, then each
 * sample series with all its samples in time order, timestamps in seconds with millisecond
 * fraction, and a closing {@code # EOF}.
 */
final class OpenMetricsWriter {

  private final StepGrid grid;
  private final Map<String, String> extraLabels;

  /**
   * @param grid the sample instants
   * @param extraLabels labels put after each series' own labels (e.g. {@code job}, {@code
   *     instance})
   */
  OpenMetricsWriter(StepGrid grid, Map<String, String> extraLabels) {
    this.grid = grid;
    this.extraLabels = extraLabels;
  }

  void write(Path file, List<RecordedFamily> families) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String[] timestamps = new String[grid.size()];
      for (int i = 0; i < timestamps.length; i++) {
        timestamps[i] = seconds(grid.timeAt(i));
      }
      for (RecordedFamily family : families) {
        out.write("# HELP " + family.name() + " " + escapeHelp(family.help()) + "\n");
        out.write("# TYPE " + family.name() + " " + family.type() + "\n");
        for (RecordedFamily.SampleSeries series : family.sampleSeries()) {
          String prefix = series.sampleName() + labelSet(series.labels()) + " ";
          double[] values = series.values();
          for (int i = 0; i < values.length; i++) {
            out.write(prefix);
            out.write(number(values[i]));
            out.write(' ');
            out.write(timestamps[i]);
            out.write('\n');
          }
        }
      }
      out.write("# EOF\n");
    }
  }

  private String labelSet(Map<String, String> labels) {
    StringBuilder b = new StringBuilder("{");
    labels.forEach((k, v) -> appendLabel(b, k, v));
    extraLabels.forEach((k, v) -> appendLabel(b, k, v));
    b.setLength(b.length() - 1);
    return b.append('}').toString();
  }

  private static void appendLabel(StringBuilder b, String name, String value) {
    b.append(name).append("=\"");
    b.append(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"));
    b.append("\",");
  }

  /** Integers without a fraction, other values in Java's shortest round-trip form. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** Epoch millis as seconds: {@code 1700000000}, or {@code 1700000000.125}. */
  static String seconds(long epochMillis) {
    long s = Math.floorDiv(epochMillis, 1000);
    long ms = Math.floorMod(epochMillis, 1000);
    return ms == 0 ? Long.toString(s) : s + "." + String.format("%03d", ms);
  }

  private static String escapeHelp(String help) {
    return help.replace("\\", "\\\\").replace("\n", "\\n");
  }
}
