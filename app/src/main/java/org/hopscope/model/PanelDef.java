package org.hopscope.model;

/**
 * One PromQL panel of a hop. The template may use {@code $hop}, {@code $service}, {@code $window}
 * (the flow's or window's span as a PromQL duration) and {@code $rate} (a rate range suited to the
 * step); values substituted into label matchers are escaped.
 *
 * @param title shown above the chart, e.g. "ERP error ratio"
 * @param promql the query template
 * @param unit axis unit, e.g. {@code req/s}, {@code s}, {@code ratio}, {@code messages}
 */
public record PanelDef(String title, String promql, String unit) {}
