package org.hopscope.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Collected durations of one benchmark row, in milliseconds. */
final class Timings {

  private final List<Double> millis = new ArrayList<>();

  void add(long nanos) {
    millis.add(nanos / 1e6);
  }

  double median() {
    return quantile(0.5);
  }

  double p90() {
    return quantile(0.9);
  }

  int count() {
    return millis.size();
  }

  private double quantile(double q) {
    if (millis.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(millis);
    Collections.sort(sorted);
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
  }

  /** One table row: {@code name} padded to {@code width}, median, p90 and median / base median. */
  static void row(PrintWriter out, int width, String name, Timings t, Timings base) {
    out.printf(
        Locale.ROOT,
        "%-" + width + "s %12s %12s %7.2fx%n",
        name,
        ms(t.median()),
        ms(t.p90()),
        t.median() / base.median());
  }

  static String ms(double v) {
    return String.format(Locale.ROOT, "%.1f ms", v);
  }
}
