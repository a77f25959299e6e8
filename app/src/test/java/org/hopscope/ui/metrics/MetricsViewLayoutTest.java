package org.hopscope.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hopscope.model.Flow;
import org.hopscope.model.Hop;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.PanelDef;
import org.hopscope.model.PathDef;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The metrics view in a real window, laid out as the main screen lays it out (the path diagram
 * above, the view below): the cards fill the space, the diagram keeps its height, legends wrap
 * inside their cards, and a panel without series or with only zeros says so.
 */
class MetricsViewLayoutTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final double DIAGRAM = 150;

  private Region diagram;

  @AfterEach
  void darkAgain() {
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
  }

  @Test
  void threePanelsFillTheViewAndKeepTheDiagramAtBothSizesAndThemes() {
    MetricsView view = show(3, 1280, 800);
    assertFills(view, 3);
    assertLegendWrapsInsideItsCard(view);
    FxHarness.snapshot(diagram.getParent(), Path.of("target/screenshots/metrics-3-1280-dark.png"));
    FxHarness.runFx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          view.themeProperty().set(ChartTheme.LIGHT);
          view.getScene().getWindow().setWidth(1920);
          view.getScene().getWindow().setHeight(1080);
        });
    FxHarness.waitUntil("the window is 1920 wide", () -> view.getWidth() > 1800);
    FxHarness.waitUntil("the charts are drawn", () -> view.readyProperty().get());
    assertFills(view, 3);
    assertLegendWrapsInsideItsCard(view);
    FxHarness.runFx(
        () ->
            assertThat(((Label) view.lookup("#metrics-legend-0-0")).getUserData())
                .isEqualTo("#cf222e")); // outcome=dead_lettered, light red
    FxHarness.snapshot(diagram.getParent(), Path.of("target/screenshots/metrics-3-1920-light.png"));
  }

  @Test
  void oneOrTwoPanelsFillTheView() {
    for (int n = 1; n <= 2; n++) {
      MetricsView view = show(n, 1280, 800);
      assertFills(view, n);
    }
  }

  @Test
  void noSeriesSaysNoDataAndOnlyZerosSayAllZero() {
    MetricsView view = show(3, 1280, 800);
    FxHarness.runFx(
        () -> {
          Label zeros = (Label) view.lookup("#metrics-zeros-1");
          assertThat(zeros.isVisible()).isTrue();
          assertThat(zeros.getText()).isEqualTo("all 0 in this range");
          assertThat(view.charts().get(1).isVisible()).isTrue();
          assertThat(view.lookup("#metrics-zeros-0").isVisible()).isFalse();

          Label noData = (Label) view.lookup("#metrics-nodata-2");
          assertThat(noData.isVisible() && noData.getParent().isVisible()).isTrue();
          assertThat(noData.getText())
              .startsWith("Prometheus returned no series for this query from ");
          assertThat(texts(noData.getParent())).contains("NO DATA");
          assertThat(view.charts().get(2).isVisible()).isFalse();
          assertThat(view.lookup("#metrics-zeros-2").isVisible()).isFalse();
          assertThat(view.lookup("#metrics-nodata-0").getParent().isVisible()).isFalse();
        });
  }

  /** Shows the view of a hop with {@code panels} panels under a diagram stand-in. */
  private MetricsView show(int panels, double width, double height) {
    MetricsView view =
        FxHarness.show(
                        () -> {
                          SimpleObjectProperty<Flow> flow = new SimpleObjectProperty<>();
                          MetricsViewModel vm =
                              new MetricsViewModel(
                                  flow, new SimpleStringProperty(), new SimpleObjectProperty<>());
                          vm.pathProperty().set(path(panels));
                          flow.set(flow(panels));
                          MetricsView v = new MetricsView(vm, new SynchronousTaskRunner());
                          diagram = new Region();
                          diagram.setMinHeight(40);
                          diagram.setPrefHeight(DIAGRAM);
                          StackPane views = new StackPane(v);
                          VBox.setVgrow(views, Priority.ALWAYS);
                          return new VBox(diagram, views); // as MainScreen.center()
                        },
                        width,
                        height)
                    .getChildren()
                    .get(1)
                instanceof StackPane s
            ? (MetricsView) s.getChildren().get(0)
            : null;
    FxHarness.waitUntil("the charts are drawn", () -> view.readyProperty().get());
    return view;
  }

  private void assertFills(MetricsView view, int panels) {
    FxHarness.runFx(
        () -> {
          assertThat(diagram.getHeight()).as("the diagram keeps its height").isEqualTo(DIAGRAM);
          Node grid = view.lookup("#metrics-grid");
          double area = grid.getParent().getLayoutBounds().getHeight(); // the scroll viewport
          assertThat(area).isGreaterThan(view.getHeight() * 0.8);
          double covered = 0;
          for (int i = 0; i < panels; i++) {
            Region card = (Region) view.lookup("#metrics-card-" + i);
            covered += card.getWidth() * card.getHeight();
            // one row (1-3 columns) or two (3 panels when the area is tall): never a sliver
            assertThat(card.getHeight()).as("card %d height", i).isGreaterThan(area * 0.45);
            assertThat(card.getWidth()).as("card %d width", i).isGreaterThan(380);
          }
          double all = grid.getLayoutBounds().getWidth() * area;
          assertThat(covered / all).as("share of the grid the cards cover").isGreaterThan(0.9);
        });
  }

  private static void assertLegendWrapsInsideItsCard(MetricsView view) {
    FxHarness.runFx(
        () -> {
          Region card = (Region) view.lookup("#metrics-card-0");
          Bounds inCard = card.localToScene(card.getLayoutBounds());
          List<Bounds> items = new ArrayList<>();
          for (int i = 0; view.lookup("#metrics-legend-0-" + i) != null; i++) {
            Node item = view.lookup("#metrics-legend-0-" + i);
            items.add(item.localToScene(item.getLayoutBounds()));
          }
          assertThat(items).hasSize(OUTCOMES.size());
          for (int i = 0; i < items.size(); i++) {
            Bounds b = items.get(i);
            assertThat(b.getMinX()).isGreaterThanOrEqualTo(inCard.getMinX());
            assertThat(b.getMaxX()).as("item %d inside the card", i).isLessThan(inCard.getMaxX());
            assertThat(b.getMaxY()).isLessThan(inCard.getMaxY());
            for (int j = 0; j < i; j++) {
              assertThat(b.intersects(items.get(j))).as("items %d and %d overlap", j, i).isFalse();
            }
          }
          assertThat(items.stream().mapToDouble(Bounds::getMinY).distinct().count())
              .as("legend lines")
              .isGreaterThan(1);
        });
  }

  private static List<String> texts(javafx.scene.Parent p) {
    return p.getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof Label)
        .map(n -> ((Label) n).getText())
        .toList();
  }

  private static final List<String> OUTCOMES =
      List.of(
          "dead_lettered",
          "failed",
          "parked",
          "retry",
          "success",
          "skipped_as_duplicate",
          "forwarded_to_legacy_erp",
          "waiting_for_confirmation");

  private static PathDef path(int panels) {
    List<PanelDef> defs = new ArrayList<>();
    for (int i = 0; i < panels; i++) {
      defs.add(new PanelDef("Panel " + i, "q" + i, i == 0 ? "msg/s" : "s"));
    }
    return new PathDef(
        "p", "", List.of(new Hop("h", "", "h", List.of(), null, defs)), List.of(), null);
  }

  private static Flow flow(int panels) {
    HopFlow h = new HopFlow("h", HopVerdict.STUCK, 1, T0, T0.plusSeconds(60), null, List.of());
    List<HopMetrics> metrics = new ArrayList<>();
    for (int i = 0; i < panels; i++) {
      List<MetricSeries> series = new ArrayList<>();
      if (i == 0) {
        for (int k = 0; k < OUTCOMES.size(); k++) {
          series.add(new MetricSeries(Map.of("outcome", OUTCOMES.get(k)), points(k + 1.5)));
        }
      } else if (i == 1) {
        series.add(new MetricSeries(Map.of(), points(0)));
      }
      metrics.add(new HopMetrics("h", "Panel " + i, "q" + i, series));
    }
    return new Flow("p", "m", List.of("m"), HopVerdict.STUCK, "h", List.of(h), metrics, List.of());
  }

  private static List<MetricSeries.Point> points(double level) {
    List<MetricSeries.Point> out = new ArrayList<>();
    for (int s = -300; s <= 360; s += 15) {
      out.add(new MetricSeries.Point(T0.plusSeconds(s), level * (1 + (s % 60) / 600.0)));
    }
    return out;
  }
}
