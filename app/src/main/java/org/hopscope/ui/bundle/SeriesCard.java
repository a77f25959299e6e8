package org.hopscope.ui.bundle;

import atlantafx.base.theme.Styles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.SeriesSnapshot;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.chart.HopChart;

/**
 * Saved chart series drawn as the chart they were saved from (the same {@link HopChart} as the hop
 * metrics), with title, unit, PromQL and legend; NO DATA when the series hold no sample.
 */
final class SeriesCard extends VBox {

  private final HopChart chart;

  SeriesCard(SeriesSnapshot s, ObservableValue<ChartTheme> theme) {
    setId("bundle-series");
    getStyleClass().add("bundle-series");
    Label title = new Label((s.hop() == null ? "" : s.hop() + ": ") + s.panel() + unit(s.unit()));
    title.setId("bundle-series-title");
    title.getStyleClass().add(Styles.TITLE_4);
    title.setWrapText(true);
    Label query = new Label(s.query());
    query.setId("bundle-series-query");
    query.getStyleClass().addAll(Styles.TEXT_MUTED, "bundle-mono");
    query.setWrapText(true);
    chart = new HopChart(theme.getValue());
    chart.setId("bundle-series-chart");
    theme.addListener((o, a, t) -> chart.setTheme(t));
    chart.setMinHeight(200);
    ChartModel model = model(s);
    Label noData = new Label("NO DATA: the saved series hold no sample");
    noData.setId("bundle-series-nodata");
    noData.getStyleClass().add(Styles.TEXT_MUTED);
    StackPane plot = new StackPane();
    if (model == null) {
      plot.getChildren().add(noData);
    } else {
      chart.setModel(model);
      plot.getChildren().add(chart);
    }
    VBox.setVgrow(plot, Priority.ALWAYS);
    FlowPane legend = new FlowPane(14, 2);
    legend.setId("bundle-series-legend");
    legend.setMinWidth(0);
    legend.setPrefWrapLength(200);
    for (int i = 0; model != null && i < model.series().size(); i++) {
      Region swatch = new Region();
      swatch.getStyleClass().add("bundle-swatch");
      java.awt.Color c = chart.seriesColour(i);
      swatch.setStyle(String.format("-fx-background-color: #%06x;", c.getRGB() & 0xffffff));
      Label item = new Label(model.series().get(i).label(), swatch);
      item.setId("bundle-series-legend-" + i);
      item.setWrapText(true);
      item.maxWidthProperty().bind(legend.widthProperty());
      legend.getChildren().add(item);
    }
    setSpacing(6);
    setAlignment(Pos.TOP_LEFT);
    getChildren().addAll(title, query, plot, legend);
  }

  /** The chart (tests read its series). */
  HopChart chart() {
    return chart;
  }

  private static String unit(String unit) {
    return unit == null || unit.isEmpty() ? "" : " (" + unit + ")";
  }

  /** The chart of {@code s}, or null when it holds no sample (nothing to draw, no range). */
  static ChartModel model(SeriesSnapshot s) {
    List<ChartModel.Series> lines = new ArrayList<>();
    Instant first = null;
    Instant last = null;
    for (SeriesSnapshot.Line l : s.series()) {
      lines.add(new ChartModel.Series(l.label(), l.points()));
      for (MetricSeries.Point p : l.points()) {
        first = first == null || p.time().isBefore(first) ? p.time() : first;
        last = last == null || p.time().isAfter(last) ? p.time() : last;
      }
    }
    if (first == null) {
      return null;
    }
    TimeWindow range =
        s.range() != null
            ? s.range()
            : new TimeWindow(first, last.isAfter(first) ? last : first.plusSeconds(60));
    return new ChartModel(s.panel(), s.query(), s.unit(), lines, List.of(), 0, range, null);
  }
}
