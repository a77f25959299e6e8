package org.hopscope.model;

import java.util.List;

/**
 * One PromQL panel of a hop. The template may use {@code $hop}, {@code $service}, {@code $window}
 * (the flow's or window's span as a PromQL duration) and {@code $rate} (a rate range suited to the
 * step); values substituted into label matchers are escaped.
 *
 * @param title shown above the chart, e.g. "ERP error ratio"
 * @param promql the query template
 * @param unit axis unit, e.g. {@code req/s}, {@code s}, {@code ratio}, {@code messages}
 * @param colours per-series colour overrides, first match wins; empty for the rule of {@link
 *     SeriesColours}
 */
public record PanelDef(String title, String promql, String unit, List<SeriesColourRule> colours) {

  public PanelDef {
    colours = List.copyOf(colours);
  }

  /** A panel without colour overrides. */
  public PanelDef(String title, String promql, String unit) {
    this(title, promql, unit, List.of());
  }
}
