package org.hopscope.ui.metrics;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.HopChart;

/**
 * A chart's legend as JavaFX labels that wrap onto as many lines as the card's width needs (never
 * overlapping, never cut): a swatch in the series' colour, then its label. Item {@code i} has the
 * id {@code metrics-legend-CARD-i} and the series colour as its user data ({@code #rrggbb}).
 */
final class ChartLegend extends FlowPane {

  private final int card;

  ChartLegend(int card) {
    super(14, 2);
    this.card = card;
    setId("metrics-legend-" + card);
    getStyleClass().add("metrics-legend");
    setMinWidth(0);
    setPrefWrapLength(200); // wraps at the width it is given, not at its own preference
  }

  /** Shows the series of {@code chart}'s model in its current colours. */
  void show(HopChart chart) {
    ChartModel m = chart.model();
    List<ChartModel.Series> series = m == null ? List.of() : m.series();
    getChildren().clear();
    for (int i = 0; i < series.size(); i++) {
      String colour = css(chart.seriesColour(i));
      Region swatch = new Region();
      swatch.getStyleClass().add("metrics-legend-swatch");
      swatch.setStyle("-fx-background-color: " + colour + ";");
      Label item = new Label(series.get(i).label(), swatch);
      item.setId("metrics-legend-" + card + "-" + i);
      item.getStyleClass().add("metrics-legend-item");
      item.setUserData(colour);
      item.setWrapText(true);
      item.setMinWidth(Region.USE_PREF_SIZE);
      item.maxWidthProperty().bind(widthProperty());
      getChildren().add(item);
    }
    boolean shown = series.size() > 0;
    setVisible(shown);
    setManaged(shown);
  }

  static String css(java.awt.Color c) {
    return String.format("#%06x", c.getRGB() & 0xffffff);
  }
}
