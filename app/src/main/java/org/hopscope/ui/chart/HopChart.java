package org.hopscope.ui.chart;

import javafx.scene.paint.Color;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * A JavaFX node showing one {@link ChartModel} as a themed time-series chart (JFreeChart-FX): one
 * line per series, a thin marker per event of the message, the outage window shaded. Every model or
 * theme change is one redraw (see {@link TimeChart}). Use on the FX thread.
 */
public final class HopChart extends ChartViewer {

  private final TimeChart chart;

  public HopChart(ChartTheme theme) {
    this(new TimeChart(theme));
  }

  private HopChart(TimeChart chart) {
    super(chart.chart(), true);
    this.chart = chart;
    chart.drawsLegend(false); // the card lays out a wrapping legend (ChartLegend)
    getStyleClass().add("hop-chart");
    setZoomFillPaint(Color.rgb(88, 166, 255, 0.2));
  }

  /** Shows {@code model} (one redraw). */
  public void setModel(ChartModel model) {
    chart.show(model);
  }

  public ChartModel model() {
    return chart.model();
  }

  /** Re-themes the chart (one redraw). */
  public void setTheme(ChartTheme theme) {
    chart.theme(theme);
  }

  public ChartTheme theme() {
    return chart.theme();
  }

  /** The line colour of series {@code index} of the shown model, in the current theme. */
  public java.awt.Color seriesColour(int index) {
    return chart.seriesColour(index);
  }

  /** The plot: dataset, domain markers and axes, for tests and exports. */
  public XYPlot plot() {
    return chart.plot();
  }

  /** Whether the chart has been drawn at a visible size. */
  public boolean isDrawn() {
    return getCanvas() != null && getCanvas().getWidth() > 0 && getCanvas().getHeight() > 0;
  }
}
