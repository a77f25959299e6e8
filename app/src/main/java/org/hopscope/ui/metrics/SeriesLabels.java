package org.hopscope.ui.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hopscope.model.MetricSeries;
import org.hopscope.ui.chart.ChartModel;

/**
 * Legend labels for a panel's series: the labels whose values tell the series apart, as {@code
 * key=value} joined by {@code ", "} (all labels for a lone series; the panel title when a series
 * has no labels). Labels are made unique with a {@code #n} suffix. Series are ordered by label.
 */
final class SeriesLabels {

  private SeriesLabels() {}

  static List<ChartModel.Series> of(List<MetricSeries> series, String panelTitle) {
    Set<String> keys = new TreeSet<>();
    series.forEach(s -> keys.addAll(s.labels().keySet()));
    Set<String> distinguishing = new TreeSet<>();
    for (String key : keys) {
      Set<String> values = new HashSet<>();
      series.forEach(s -> values.add(s.labels().getOrDefault(key, "")));
      if (values.size() > 1) {
        distinguishing.add(key);
      }
    }
    if (distinguishing.isEmpty()) {
      distinguishing = keys;
    }
    List<ChartModel.Series> out = new ArrayList<>();
    for (MetricSeries s : series) {
      List<String> parts = new ArrayList<>();
      for (String key : distinguishing) {
        String value = s.labels().get(key);
        if (value != null) {
          parts.add(key + "=" + value);
        }
      }
      String label = parts.isEmpty() ? panelTitle : String.join(", ", parts);
      out.add(new ChartModel.Series(label, s.points()));
    }
    out.sort(Comparator.comparing(ChartModel.Series::label));
    Map<String, Integer> seen = new HashMap<>();
    List<ChartModel.Series> unique = new ArrayList<>();
    for (ChartModel.Series s : out) {
      int n = seen.merge(s.label(), 1, Integer::sum);
      unique.add(n == 1 ? s : new ChartModel.Series(s.label() + " #" + n, s.points()));
    }
    return unique;
  }
}
