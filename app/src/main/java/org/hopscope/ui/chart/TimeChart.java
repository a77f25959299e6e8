package org.hopscope.ui.chart;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.RenderingHints;
import java.text.DecimalFormat;
import java.text.SimpleDateFormat;
import java.util.List;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.SeriesColour;
import org.hopscope.model.SeriesColours;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A themed JFreeChart time-series chart showing a {@link ChartModel}: one line per series, a domain
 * marker per event mark, the outage window shaded. No JavaFX: usable headless (PNG export, tests).
 * Each {@link #show} or {@link #theme} change reaches listeners as exactly one chart change event,
 * so a viewer redraws once. Not thread-safe: use from one thread (the FX thread in the UI).
 */
public final class TimeChart {

  private static final float LINE_WIDTH = 1.8f;

  private final XYPlot plot;
  private final JFreeChart chart;
  private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
  private ChartTheme theme;
  private ChartModel model;

  public TimeChart(ChartTheme theme) {
    DateAxis time = new ReadableAxes.Times();
    NumberAxis value = new ReadableAxes.Values();
    value.setAutoRangeIncludesZero(true);
    renderer.setDrawSeriesLineAsPath(true);
    renderer.setDefaultToolTipGenerator(
        new StandardXYToolTipGenerator(
            "{0}: {2} at {1}", new SimpleDateFormat("HH:mm:ss"), new DecimalFormat("#,##0.###")));
    // time labels a little lower, clear of the value axis' lowest label in the corner
    time.setTickLabelInsets(new RectangleInsets(8, 4, 2, 4));
    plot = new XYPlot(new XYSeriesCollection(), time, value, renderer);
    plot.setDomainPannable(true);
    plot.setOutlineVisible(false);
    plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
    chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    chart
        .getRenderingHints()
        .put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    chart.setPadding(new RectangleInsets(6, 2, 2, 8));
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
    legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 12));
    theme(theme);
  }

  /** The JFreeChart drawn (for a viewer); change it only through this class. */
  public JFreeChart chart() {
    return chart;
  }

  /** The plot (for tests: dataset, markers, axes). */
  public XYPlot plot() {
    return plot;
  }

  /** The model shown, or null before the first {@link #show}. */
  public ChartModel model() {
    return model;
  }

  public ChartTheme theme() {
    return theme;
  }

  /** Shows {@code m}: the dataset is built aside and swapped in; one change event. */
  public void show(ChartModel m) {
    XYSeriesCollection data = dataset(m);
    chart.setNotify(false);
    try {
      model = m;
      plot.setDataset(data);
      placeMarkers();
      DateAxis time = (DateAxis) plot.getDomainAxis();
      time.setRange(m.range().from().toEpochMilli(), m.range().to().toEpochMilli());
      ReadableAxes.Values value = (ReadableAxes.Values) plot.getRangeAxis();
      value.unit(m.unit()); // the tick labels carry the unit: no axis label
      if (flat(m)) {
        value.setRange(0, 1);
      } else {
        value.setAutoRange(true);
      }
      colourSeries();
    } finally {
      chart.setNotify(true);
    }
  }

  /** Re-themes the chart (colours, fonts); one change event. */
  public void theme(ChartTheme t) {
    chart.setNotify(false);
    try {
      theme = t;
      Font tick = new Font(t.fontFamily(), Font.PLAIN, 11);
      Font label = new Font(t.fontFamily(), Font.PLAIN, 11);
      chart.setBackgroundPaint(t.background());
      plot.setBackgroundPaint(t.plotBackground());
      plot.setNoDataMessage("NO DATA in this range");
      plot.setNoDataMessageFont(new Font(t.fontFamily(), Font.PLAIN, 12));
      plot.setNoDataMessagePaint(t.mutedText());
      plot.setDomainGridlinePaint(t.gridline());
      plot.setRangeGridlinePaint(t.gridline());
      plot.setDomainGridlineStroke(new BasicStroke(1f));
      plot.setRangeGridlineStroke(new BasicStroke(1f));
      plot.setDomainGridlinesVisible(false);
      for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
        axis.setTickLabelFont(tick);
        axis.setTickLabelPaint(t.text());
        axis.setLabelFont(label);
        axis.setLabelPaint(t.mutedText());
        axis.setAxisLinePaint(t.axisLine());
        axis.setTickMarkPaint(t.axisLine());
        axis.setAxisLineVisible(false);
        axis.setTickMarksVisible(false);
      }
      LegendTitle legend = chart.getLegend();
      legend.setBackgroundPaint(t.background());
      legend.setItemPaint(t.text());
      legend.setItemFont(new Font(t.fontFamily(), Font.PLAIN, 11));
      colourSeries();
      placeMarkers();
    } finally {
      chart.setNotify(true);
    }
  }

  /**
   * Whether the chart draws its own legend (default yes, for exports); a view that lays out its own
   * legend turns it off.
   */
  public void drawsLegend(boolean draws) {
    chart.getLegend().setVisible(draws);
  }

  /** Puts {@code title} above the plot (for export; the UI shows titles in its cards). */
  void title(String title) {
    TextTitle text = new TextTitle(title, new Font(theme.fontFamily(), Font.BOLD, 14));
    text.setPaint(theme.text());
    text.setPosition(RectangleEdge.TOP);
    text.setHorizontalAlignment(HorizontalAlignment.LEFT);
    text.setPadding(new RectangleInsets(4, 8, 8, 4));
    chart.setTitle(text);
  }

  /** No finite non-zero value: auto-ranging would zoom into rounding noise ("0, 0, -0"). */
  private static boolean flat(ChartModel m) {
    return m.series().stream()
        .flatMap(s -> s.points().stream())
        .noneMatch(p -> Double.isFinite(p.value()) && p.value() != 0);
  }

  private static XYSeriesCollection dataset(ChartModel m) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (ChartModel.Series s : m.series()) {
      XYSeries xy = new XYSeries(s.label(), false, true);
      for (MetricSeries.Point p : s.points()) {
        double v = Double.isFinite(p.value()) ? p.value() : Double.NaN;
        xy.add(p.time().toEpochMilli(), v, false);
      }
      data.addSeries(xy);
    }
    return data;
  }

  /** The colour of series {@code index} of the shown model in this theme. */
  public java.awt.Color seriesColour(int index) {
    SeriesColours.Tone tone = model == null ? null : model.series().get(index).tone();
    if (tone == null) {
      int n = SeriesColour.NEUTRAL.size();
      tone = new SeriesColours.Tone(SeriesColour.NEUTRAL.get(index % n), index / n);
    }
    return theme.colour(tone);
  }

  private void colourSeries() {
    int n = plot.getDataset() == null ? 0 : plot.getDataset().getSeriesCount();
    for (int i = 0; i < n; i++) {
      renderer.setSeriesPaint(i, seriesColour(i), false);
      renderer.setSeriesStroke(
          i, new BasicStroke(LINE_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND), false);
    }
  }

  private ValueMarker eventMarker(ChartModel.EventMark e) {
    ValueMarker marker = new ValueMarker(e.time().toEpochMilli());
    marker.setPaint(e.failure() ? theme.failure() : theme.event());
    marker.setStroke(new BasicStroke(e.failure() ? 1.6f : 1f));
    return marker;
  }

  private IntervalMarker outageMarker(ChartModel m) {
    IntervalMarker marker =
        new IntervalMarker(
            m.outage().from().toEpochMilli(), m.outage().to().toEpochMilli(), theme.outage());
    marker.setOutlinePaint(null);
    marker.setLabel("outage");
    marker.setLabelFont(new Font(theme.fontFamily(), Font.BOLD, 10));
    marker.setLabelPaint(theme.outageText());
    marker.setLabelBackgroundColor(new java.awt.Color(0, 0, 0, 0));
    marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    marker.setLabelOffset(new RectangleInsets(4, 6, 4, 4));
    return marker;
  }

  private void placeMarkers() {
    plot.clearDomainMarkers();
    if (model == null) {
      return;
    }
    for (ChartModel.EventMark e : model.events()) {
      plot.addDomainMarker(0, eventMarker(e), Layer.FOREGROUND, false);
    }
    if (model.outage() != null) {
      plot.addDomainMarker(0, outageMarker(model), Layer.BACKGROUND, false);
    }
  }
}
