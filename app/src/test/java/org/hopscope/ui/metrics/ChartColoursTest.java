package org.hopscope.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.hopscope.config.PathDefinitions;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartTheme;
import org.junit.jupiter.api.Test;

/** The exact line colour of each series, by what its labels say, in both themes. */
class ChartColoursTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
  private static final List<MetricSeries.Point> PTS = List.of(new MetricSeries.Point(T0, 1));

  private static List<MetricSeries> outcomes(String... values) {
    return java.util.Arrays.stream(values)
        .map(v -> new MetricSeries(Map.of("outcome", v, "service", "f"), PTS))
        .toList();
  }

  /** Legend label -> #rrggbb in {@code theme}. */
  private static Map<String, String> colours(List<ChartModel.Series> series, ChartTheme theme) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ChartModel.Series s : series) {
      out.put(s.label(), ChartLegend.css(theme.colour(s.tone())));
    }
    return out;
  }

  @Test
  void outcomesAreColouredByMeaningInTheDarkAndTheLightTheme() {
    List<ChartModel.Series> series =
        SeriesLabels.of(
            outcomes("success", "retry", "failed", "parked", "dead_lettered", "skipped"), "P");
    assertThat(colours(series, ChartTheme.DARK))
        .containsExactly(
            Map.entry("outcome=dead_lettered", "#f85149"),
            Map.entry("outcome=failed", "#ffa198"),
            Map.entry("outcome=parked", "#d29922"),
            Map.entry("outcome=retry", "#f0883e"),
            Map.entry("outcome=skipped", "#58a6ff"),
            Map.entry("outcome=success", "#3fb950"));
    assertThat(colours(series, ChartTheme.LIGHT))
        .containsExactly(
            Map.entry("outcome=dead_lettered", "#cf222e"),
            Map.entry("outcome=failed", "#82071e"),
            Map.entry("outcome=parked", "#9a6700"),
            Map.entry("outcome=retry", "#bc4c00"),
            Map.entry("outcome=skipped", "#0969da"),
            Map.entry("outcome=success", "#1a7f37"));
  }

  @Test
  void noTwoSeriesOfAPanelShareAColourInEitherTheme() {
    List<ChartModel.Series> series =
        SeriesLabels.of(
            outcomes("a", "b", "c", "d", "e", "f", "failed", "error", "retry", "timeout", "ok"),
            "P");
    for (ChartTheme theme : List.of(ChartTheme.DARK, ChartTheme.LIGHT)) {
      assertThat(colours(series, theme).values()).as(theme.name()).doesNotHaveDuplicates();
    }
  }

  @Test
  void aPanelsColoursInItsPathDefinitionOverrideTheRule() {
    String yaml =
        """
        path: p
        hops:
          - name: a
            sources:
              - index: a-*
                kind: log
                fields: {timestamp: "@timestamp", messageId: id}
            panels:
              - title: Outcomes
                promql: sum by (outcome) (rate(x_total[$rate]))
                colors: {success: blue, outcome=failed: amber, Total: green}
              - title: Total
                promql: sum(rate(x_total[$rate]))
        """;
    SimpleObjectProperty<Flow> flow = new SimpleObjectProperty<>();
    MetricsViewModel vm =
        new MetricsViewModel(
            flow, new SimpleStringProperty(), new SimpleObjectProperty<TimeWindow>());
    vm.pathProperty().set(new PathDefinitions().parse(yaml, "queries/p.yaml"));
    HopFlow a = new HopFlow("a", HopVerdict.OK, 1, T0, T0, null, List.of());
    flow.set(
        new Flow(
            "p",
            "m",
            List.of("m"),
            HopVerdict.OK,
            null,
            List.of(a),
            List.of(
                new HopMetrics("a", "Outcomes", "q1", outcomes("success", "failed", "parked")),
                new HopMetrics("a", "Total", "q2", List.of(new MetricSeries(Map.of(), PTS)))),
            List.of()));
    Function<ChartModel, Map<String, String>> light = m -> colours(m.series(), ChartTheme.LIGHT);
    assertThat(light.apply(vm.getCharts().get(0)))
        .containsExactly(
            Map.entry("outcome=failed", "#9a6700"),
            Map.entry("outcome=parked", "#bc4c00"),
            Map.entry("outcome=success", "#0969da"));
    // "Total: green" belongs to the other panel: this one's lone series stays neutral
    assertThat(
            vm.getCharts().get(1).series().stream()
                .collect(Collectors.toMap(ChartModel.Series::label, s -> s.tone().colour())))
        .isEqualTo(Map.of("Total", org.hopscope.model.SeriesColour.BLUE));
  }
}
