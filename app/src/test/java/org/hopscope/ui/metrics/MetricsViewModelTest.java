package org.hopscope.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.MetricSeries;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.UiSandbox;
import org.hopscope.ui.chart.ChartModel;
import org.hopscope.ui.chart.ChartModel.EventMark;
import org.junit.jupiter.api.Test;

class MetricsViewModelTest {

  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  private final SimpleObjectProperty<Flow> flow = new SimpleObjectProperty<>();
  private final SimpleStringProperty selected = new SimpleStringProperty();
  private final SimpleObjectProperty<TimeWindow> incident = new SimpleObjectProperty<>();
  private final MetricsViewModel vm = new MetricsViewModel(flow, selected, incident);

  @Test
  void noFlowIsTheEmptyState() {
    assertThat(vm.getCharts()).isEmpty();
    assertThat(vm.emptyMessageProperty().get())
        .isEqualTo("Search a message to see its hops' metrics");
    assertThat(vm.shownHopProperty().get()).isNull();
    assertThat(vm.shownVerdictProperty().get()).isNull();
    assertThat(vm.rangeProperty().get()).isNull();
  }

  @Test
  void showsTheStuckHopWithoutSelectionThenTheSelectedHop() {
    flow.set(flow("b", HopVerdict.OK, HopVerdict.STUCK, HopVerdict.NO_EVIDENCE));
    assertThat(vm.shownHopProperty().get()).isEqualTo("b");
    assertThat(vm.shownVerdictProperty().get()).isEqualTo(HopVerdict.STUCK);
    assertThat(vm.getCharts()).extracting(ChartModel::title).containsExactly("b lag", "b rate");
    selected.set("a");
    assertThat(vm.shownHopProperty().get()).isEqualTo("a");
    assertThat(vm.getCharts()).extracting(ChartModel::title).containsExactly("a rate");
    selected.set("no-such-hop");
    assertThat(vm.shownHopProperty().get()).isEqualTo("b");
    assertThat(selected.get()).isEqualTo("no-such-hop");
  }

  @Test
  void withoutStuckHopShowsTheFirstFailingHopElseTheFirst() {
    flow.set(flow(null, HopVerdict.OK, HopVerdict.OK, HopVerdict.DEAD_LETTERED));
    assertThat(vm.shownHopProperty().get()).isEqualTo("c");
    flow.set(flow(null, HopVerdict.OK, HopVerdict.OK, HopVerdict.NO_EVIDENCE));
    assertThat(vm.shownHopProperty().get()).isEqualTo("a");
  }

  @Test
  void rangeIsTheFlowSpanPlusFiveMinutesAndIncidentIsClipped() {
    flow.set(flow("b", HopVerdict.OK, HopVerdict.STUCK, HopVerdict.NO_EVIDENCE));
    // events at a: T0, T0+1s; at b: T0+10s, T0+11s (see flow()); c has none
    TimeWindow range = new TimeWindow(T0.minus(Duration.ofMinutes(5)), T0.plusSeconds(11 + 300));
    assertThat(vm.rangeProperty().get()).isEqualTo(range);
    assertThat(vm.getCharts()).allSatisfy(c -> assertThat(c.range()).isEqualTo(range));
    assertThat(vm.getCharts().get(0).outage()).isNull();

    incident.set(new TimeWindow(T0.minus(Duration.ofHours(1)), T0.plusSeconds(60)));
    assertThat(vm.getCharts().get(0).outage())
        .isEqualTo(new TimeWindow(range.from(), T0.plusSeconds(60)));
    incident.set(new TimeWindow(T0.plusSeconds(30), T0.plus(Duration.ofHours(2))));
    assertThat(vm.getCharts().get(0).outage())
        .isEqualTo(new TimeWindow(T0.plusSeconds(30), range.to()));
    incident.set(new TimeWindow(T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2))));
    assertThat(vm.getCharts().get(0).outage()).isNull();
  }

  @Test
  void chartsCarryQueryLabelsEventsAndUnits() {
    flow.set(flow("b", HopVerdict.OK, HopVerdict.STUCK, HopVerdict.NO_EVIDENCE));
    ChartModel lag = vm.getCharts().get(0);
    assertThat(lag.query()).isEqualTo("lag{hop=\"b\"}");
    assertThat(lag.series())
        .extracting(ChartModel.Series::label)
        .containsExactly("partition=0", "partition=1");
    assertThat(lag.series().get(1).points()).hasSize(2);
    assertThat(lag.events())
        .containsExactly(
            new EventMark(T0.plusSeconds(10), 1, false),
            new EventMark(T0.plusSeconds(11), 1, true));
    assertThat(lag.eventCount()).isEqualTo(2);
    assertThat(lag.collapsed()).isFalse();
    assertThat(lag.unit()).isEmpty();
    assertThat(vm.getCharts().get(1).series())
        .extracting(ChartModel.Series::label)
        .containsExactly("b rate");
  }

  @Test
  void unitsComeFromThePathDefinition() {
    vm.pathProperty().set(UiSandbox.ordersPath());
    HopFlow fulfil =
        new HopFlow(
            "fulfilment-service",
            HopVerdict.STUCK,
            1,
            T0,
            T0,
            null,
            List.of(event("fulfilment-service", T0, false)));
    flow.set(
        new Flow(
            "orders",
            "m",
            List.of("m"),
            HopVerdict.STUCK,
            "fulfilment-service",
            List.of(fulfil),
            List.of(new HopMetrics("fulfilment-service", "Processing outcomes", "q", List.of())),
            List.of()));
    assertThat(vm.getCharts()).extracting(ChartModel::unit).containsExactly("msg/s");
  }

  @Test
  void hundredThousandEventsCollapseToAtMostThreeHundredMarkers() {
    List<FlowEvent> events = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      events.add(event("a", T0.plusMillis(i * 10L), i == 54_321));
    }
    HopFlow a = new HopFlow("a", HopVerdict.OK, 1, T0, T0.plusMillis(999_990), null, events);
    flow.set(
        new Flow(
            "p",
            "m",
            List.of("m"),
            HopVerdict.OK,
            null,
            List.of(a),
            List.of(new HopMetrics("a", "a rate", "q", List.of())),
            List.of()));
    ChartModel chart = vm.getCharts().get(0);
    // range: 1,599,990 ms (1,000 s of events + 2 x 300 s); buckets of 5,333.3 ms: the events
    // fall into buckets 56..243 (from 300 s to 1,300 s), 188 buckets
    assertThat(chart.eventCount()).isEqualTo(100_000);
    assertThat(chart.collapsed()).isTrue();
    assertThat(chart.events()).hasSize(188);
    assertThat(chart.events().stream().mapToInt(EventMark::count).sum()).isEqualTo(100_000);
    assertThat(chart.events().stream().filter(EventMark::failure).count()).isEqualTo(1);
    assertThat(chart.events().get(0))
        .isEqualTo(new EventMark(T0, chart.events().get(0).count(), false));
  }

  @Test
  void exactlyThreeHundredEventsStayOneMarkerEach() {
    List<FlowEvent> events = new ArrayList<>();
    for (int i = 299; i >= 0; i--) {
      events.add(event("a", T0.plusMillis(i), false));
    }
    TimeWindow range = new TimeWindow(T0, T0.plusSeconds(1));
    List<EventMark> marks = EventMarks.of(events, range, 300);
    assertThat(marks).hasSize(300);
    assertThat(marks.get(0).time()).isEqualTo(T0);
    assertThat(marks.get(299).time()).isEqualTo(T0.plusMillis(299));
    events.add(event("a", T0.plusMillis(999), false));
    assertThat(EventMarks.of(events, range, 300)).hasSize(91);
  }

  @Test
  void emptyStatesNameTheReason() {
    Flow f = flow("b", HopVerdict.OK, HopVerdict.STUCK, HopVerdict.NO_EVIDENCE);
    flow.set(f);
    selected.set("c");
    assertThat(vm.getCharts()).isEmpty();
    assertThat(vm.emptyMessageProperty().get())
        .isEqualTo("No PromQL panels defined for c in the path definition");

    flow.set(
        new Flow(
            "p",
            "m",
            f.ids(),
            f.verdict(),
            "b",
            f.hops(),
            List.of(),
            List.of(
                new Notice.MetricsUnavailable(
                    "Prometheus at http://localhost:1 refused the connection"))));
    assertThat(vm.emptyMessageProperty().get())
        .isEqualTo("metrics unavailable: Prometheus at http://localhost:1 refused the connection");
    assertThat(vm.warningProperty().get()).startsWith("metrics unavailable");

    flow.set(new Flow("p", "m", f.ids(), f.verdict(), "b", f.hops(), List.of(), List.of()));
    assertThat(vm.emptyMessageProperty().get()).isEqualTo(MetricsViewModel.NO_METRICS);

    selected.set(null);
    flow.set(f);
    assertThat(vm.emptyMessageProperty().get()).isNull();
    flow.set(null);
    assertThat(vm.getCharts()).isEmpty();
    assertThat(vm.emptyMessageProperty().get()).isEqualTo(MetricsViewModel.NO_FLOW);
  }

  @Test
  void noSeriesIsNoDataAndOnlyZerosSaySoAndUnreadableSamplesAreNoData() {
    HopFlow a = new HopFlow("a", HopVerdict.OK, 1, T0, T0, null, List.of(event("a", T0, false)));
    List<MetricSeries.Point> zeros =
        List.of(new MetricSeries.Point(T0, 0), new MetricSeries.Point(T0.plusSeconds(15), 0));
    List<MetricSeries.Point> nan = List.of(new MetricSeries.Point(T0, Double.NaN));
    List<MetricSeries.Point> some =
        List.of(new MetricSeries.Point(T0, 0), new MetricSeries.Point(T0.plusSeconds(15), 0.5));
    flow.set(
        new Flow(
            "p",
            "m",
            List.of("m"),
            HopVerdict.OK,
            null,
            List.of(a),
            List.of(
                new HopMetrics("a", "none", "q1", List.of()),
                new HopMetrics("a", "zeros", "q2", List.of(new MetricSeries(Map.of(), zeros))),
                new HopMetrics("a", "nan", "q3", List.of(new MetricSeries(Map.of(), nan))),
                new HopMetrics("a", "some", "q4", List.of(new MetricSeries(Map.of(), some)))),
            List.of()));
    assertThat(vm.getCharts())
        .extracting(ChartModel::data)
        .containsExactly(
            ChartModel.Data.NONE,
            ChartModel.Data.ALL_ZERO,
            ChartModel.Data.NONE,
            ChartModel.Data.VALUES);
    java.time.format.DateTimeFormatter hms =
        java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(java.time.ZoneId.systemDefault());
    assertThat(MetricsViewModel.dataNote(vm.getCharts().get(0)))
        .isEqualTo(
            "NO DATA: Prometheus returned no series for this query from "
                + hms.format(T0.minus(Duration.ofMinutes(5)))
                + " to "
                + hms.format(T0.plus(Duration.ofMinutes(5))));
    assertThat(MetricsViewModel.dataNote(vm.getCharts().get(1))).isEqualTo("all 0 in this range");
    assertThat(MetricsViewModel.dataNote(vm.getCharts().get(2))).startsWith("NO DATA: ");
    assertThat(MetricsViewModel.dataNote(vm.getCharts().get(3))).isNull();
    assertThat(vm.emptyMessageProperty().get()).isNull();
    assertThat(vm.warningProperty().get()).isNull();
  }

  @Test
  void anUnchangedResultPublishesNoListChange() {
    flow.set(flow("b", HopVerdict.OK, HopVerdict.STUCK, HopVerdict.NO_EVIDENCE));
    int[] changes = {0};
    vm.getCharts()
        .addListener((javafx.collections.ListChangeListener<ChartModel>) c -> changes[0]++);
    selected.set("b");
    assertThat(changes[0]).isZero();
    selected.set("a");
    assertThat(changes[0]).isEqualTo(1);
  }

  /** Hops a, b, c: a has events at T0, T0+1s; b at T0+10s, T0+11s (failed); c none. */
  private static Flow flow(String stuckAt, HopVerdict va, HopVerdict vb, HopVerdict vc) {
    HopFlow a =
        new HopFlow(
            "a",
            va,
            1,
            T0,
            T0.plusSeconds(1),
            9000L,
            List.of(event("a", T0.plusSeconds(1), false), event("a", T0, false)));
    HopFlow b =
        new HopFlow(
            "b",
            vb,
            1,
            T0.plusSeconds(10),
            T0.plusSeconds(11),
            null,
            List.of(event("b", T0.plusSeconds(10), false), event("b", T0.plusSeconds(11), true)));
    HopFlow c = new HopFlow("c", vc, 0, null, null, null, List.of());
    List<MetricSeries.Point> pts =
        List.of(new MetricSeries.Point(T0, 1), new MetricSeries.Point(T0.plusSeconds(15), 2));
    List<HopMetrics> metrics =
        List.of(
            new HopMetrics(
                "a", "a rate", "rate(x{hop=\"a\"}[1m])", List.of(new MetricSeries(Map.of(), pts))),
            new HopMetrics(
                "b",
                "b lag",
                "lag{hop=\"b\"}",
                List.of(
                    new MetricSeries(Map.of("partition", "1", "topic", "t"), pts),
                    new MetricSeries(Map.of("partition", "0", "topic", "t"), pts))),
            new HopMetrics(
                "b", "b rate", "rate(x{hop=\"b\"}[1m])", List.of(new MetricSeries(Map.of(), pts))));
    HopVerdict overall = stuckAt != null ? HopVerdict.STUCK : HopVerdict.OK;
    return new Flow(
        "p", "m-1", List.of("m-1"), overall, stuckAt, List.of(a, b, c), metrics, List.of());
  }

  private static FlowEvent event(String hop, Instant t, boolean failure) {
    return new FlowEvent(
        hop,
        t,
        "idx",
        "doc",
        "INFO",
        "m",
        null,
        null,
        null,
        null,
        failure,
        false,
        List.of("m-1"),
        Map.of());
  }
}
