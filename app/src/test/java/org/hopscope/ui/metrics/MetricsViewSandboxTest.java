package org.hopscope.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Engine;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.chart.HopChart;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The metrics view in a real window, on the flow of a stuck message of the test sandbox. */
@ExtendWith(SandboxExtension.class)
class MetricsViewSandboxTest {

  @Test
  void showsTheStuckHopsPanelsWithItsEventsAndTheIncident(TestSandbox sandbox) {
    Manifest manifest = Manifest.read(sandbox.manifest());
    Instant now = Instant.parse(manifest.now());
    TimeWindow recorded = new TimeWindow(Instant.parse(manifest.from()), now.plusMillis(1));
    TimeWindow incident = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    Flow flow;
    try (Engine engine = UiSandbox.engine(sandbox)) {
      flow = engine.flow(UiSandbox.ordersPath(), stuck.id(), recorded, now, new Cancellation());
    }
    assertThat(flow.stuckAt()).isEqualTo(stuck.hop());
    assertThat(flow.notices()).noneMatch(n -> n instanceof Notice.MetricsUnavailable);
    HopFlow hop = flow.hops().stream().filter(h -> h.hop().equals(stuck.hop())).findFirst().get();
    assertThat(hop.verdict()).isEqualTo(HopVerdict.STUCK);
    List<HopMetrics> panels =
        flow.metrics().stream().filter(m -> m.hop().equals(stuck.hop())).toList();
    assertThat(panels).isNotEmpty();

    MetricsView view =
        FxHarness.show(
            () -> {
              MetricsViewModel vm =
                  new MetricsViewModel(
                      new SimpleObjectProperty<>(flow),
                      new SimpleStringProperty(),
                      new SimpleObjectProperty<>(incident));
              vm.pathProperty().set(UiSandbox.ordersPath());
              return new MetricsView(vm, new SynchronousTaskRunner());
            },
            1400,
            860);
    FxHarness.waitUntil("the charts are drawn", () -> view.readyProperty().get());

    FxHarness.runFx(
        () -> {
          assertThat(view.lookup("#metrics-hop-title")).isNotNull();
          assertThat(((javafx.scene.control.Label) view.lookup("#metrics-hop-title")).getText())
              .isEqualTo(stuck.hop());
          javafx.scene.control.Label badge =
              (javafx.scene.control.Label) view.lookup("#metrics-hop-verdict");
          assertThat(badge.getText()).isEqualTo("STUCK");
          assertThat(badge.getStyleClass())
              .contains("verdict-badge", "verdict-stuck")
              .doesNotContain("verdict-error", "verdict-slow", "verdict-ok");
          List<HopChart> charts = view.charts();
          assertThat(charts).hasSize(panels.size());
          TimeWindow range = MetricsViewModel.span(flow);
          for (int i = 0; i < panels.size(); i++) {
            HopChart chart = charts.get(i);
            assertThat(view.lookup("#metrics-chart-" + i)).isSameAs(chart);
            XYSeriesCollection data = (XYSeriesCollection) chart.plot().getDataset();
            assertThat(seriesOf(data)).isEqualTo(expectedSeries(panels.get(i)));
            assertThat(chart.plot().getDomainMarkers(Layer.FOREGROUND))
                .hasSize(hop.events().size());
            List<?> shaded = new ArrayList<>(chart.plot().getDomainMarkers(Layer.BACKGROUND));
            assertThat(shaded).hasSize(1);
            IntervalMarker m = (IntervalMarker) shaded.get(0);
            assertThat(m.getStartValue())
                .isEqualTo((double) max(incident.from(), range.from()).toEpochMilli());
            assertThat(m.getEndValue())
                .isEqualTo((double) min(incident.to(), range.to()).toEpochMilli());
          }
        });

    FxHarness.runFx(
        () -> {
          for (int i = 0; i < panels.size(); i++) {
            HopMetrics panel = panels.get(i);
            boolean none = panel.series().stream().allMatch(x -> x.points().isEmpty());
            boolean zeros =
                !none
                    && panel.series().stream()
                        .flatMap(x -> x.points().stream())
                        .allMatch(p -> p.value() == 0);
            assertThat(view.lookup("#metrics-zeros-" + i).isVisible())
                .as(panel.panel())
                .isEqualTo(zeros);
            assertThat(view.lookup("#metrics-nodata-" + i).getParent().isVisible())
                .as(panel.panel())
                .isEqualTo(none);
          }
        });
    Map<String, String> dark = legend(view, "Processing outcomes", panels);
    assertThat(dark)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "outcome=dead_lettered", "#f85149",
                "outcome=failed", "#ffa198",
                "outcome=parked", "#d29922",
                "outcome=retry", "#f0883e",
                "outcome=success", "#3fb950"));
    FxHarness.snapshot(view, Path.of("target/screenshots/metrics-dark.png"));
    FxHarness.runFx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
          view.themeProperty().set(ChartTheme.LIGHT);
        });
    FxHarness.waitUntil(
        "the charts are light",
        () -> view.charts().stream().allMatch(c -> c.theme() == ChartTheme.LIGHT));
    assertThat(legend(view, "Processing outcomes", panels))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "outcome=dead_lettered", "#cf222e",
                "outcome=failed", "#82071e",
                "outcome=parked", "#9a6700",
                "outcome=retry", "#bc4c00",
                "outcome=success", "#1a7f37"));
    FxHarness.snapshot(view, Path.of("target/screenshots/metrics-light.png"));
    FxHarness.runFx(
        () -> {
          view.getScene().getWindow().setWidth(760);
          Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
          view.themeProperty().set(ChartTheme.DARK);
        });
    FxHarness.waitUntil("one column when narrow", () -> view.getWidth() < 800);
    FxHarness.snapshot(view, Path.of("target/screenshots/metrics-narrow-dark.png"));
  }

  /** The legend of the panel titled {@code title}: label -> colour shown. */
  private static Map<String, String> legend(
      MetricsView view, String title, List<HopMetrics> panels) {
    int card =
        java.util.stream.IntStream.range(0, panels.size())
            .filter(i -> panels.get(i).panel().equals(title))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no panel " + title + " at the stuck hop"));
    return FxHarness.onFx(
        () -> {
          Map<String, String> out = new TreeMap<>();
          for (int i = 0; view.lookup("#metrics-legend-" + card + "-" + i) != null; i++) {
            javafx.scene.control.Label item =
                (javafx.scene.control.Label) view.lookup("#metrics-legend-" + card + "-" + i);
            out.put(item.getText(), (String) item.getUserData());
          }
          return out;
        });
  }

  /** Legend label -> number of points, as the Prometheus answer implies. */
  private static Map<String, Integer> expectedSeries(HopMetrics panel) {
    Map<String, Integer> out = new TreeMap<>();
    for (MetricSeries s : panel.series()) {
      String label =
          s.labels().isEmpty()
              ? panel.panel()
              : new TreeMap<>(s.labels())
                  .entrySet().stream()
                      .map(e -> e.getKey() + "=" + e.getValue())
                      .collect(Collectors.joining(", "));
      out.put(label, s.points().size());
    }
    return out;
  }

  private static Map<String, Integer> seriesOf(XYSeriesCollection data) {
    Map<String, Integer> out = new TreeMap<>();
    for (int s = 0; s < data.getSeriesCount(); s++) {
      out.put(String.valueOf(data.getSeriesKey(s)), data.getItemCount(s));
    }
    return out;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
