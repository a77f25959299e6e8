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
import org.hopscope.model.SeriesColourRule;
import org.hopscope.model.SeriesColours;
import org.hopscope.ui.chart.ChartModel;

/**
 * Legend labels and colours for a panel's series: the labels whose values tell the series apart, as
 * {@code key=value} joined by {@code ", "} (all labels for a lone series; the panel title when a
 * series has no labels). Labels are made unique with a {@code #n} suffix. Series are ordered by
 * label, then coloured by {@link SeriesColours} (the panel's overrides first).
 */
final class SeriesLabels {

  private SeriesLabels() {}

  private record Labelled(String label, MetricSeries series) {}

  static List<ChartModel.Series> of(List<MetricSeries> series, String panelTitle) {
    return of(series, panelTitle, List.of());
  }

  static List<ChartModel.Series> of(
      List<MetricSeries> series, String panelTitle, List<SeriesColourRule> rules) {
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
    List<Labelled> out = new ArrayList<>();
    for (MetricSeries s : series) {
      List<String> parts = new ArrayList<>();
      for (String key : distinguishing) {
        String value = s.labels().get(key);
        if (value != null) {
          parts.add(key + "=" + value);
        }
      }
      out.add(new Labelled(parts.isEmpty() ? panelTitle : String.join(", ", parts), s));
    }
    out.sort(Comparator.comparing(Labelled::label));
    List<SeriesColours.Tone> tones =
        SeriesColours.assign(
            out.stream().map(l -> l.series().labels()).toList(),
            out.stream().map(Labelled::label).toList(),
            rules);
    Map<String, Integer> seen = new HashMap<>();
    List<ChartModel.Series> unique = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      Labelled s = out.get(i);
      int n = seen.merge(s.label(), 1, Integer::sum);
      String label = n == 1 ? s.label() : s.label() + " #" + n;
      unique.add(new ChartModel.Series(label, s.series().points(), tones.get(i)));
    }
    return unique;
  }
}
