package org.hopscope.ui.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.PanelDef;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Engine;
import org.hopscope.ui.chart.ChartModel;

/**
 * The hop metrics of the shown flow: the shown hop's PromQL panels as immutable {@link ChartModel}s
 * over the flow's span plus {@link Engine#METRICS_MARGIN}, with the message's events at that hop as
 * markers and the outage window to shade. Pure logic, no controls; recomputed on the FX thread
 * whenever an input changes, and a new chart list is published only when it differs.
 *
 * <p>The shown hop is the selected one when the flow has it; otherwise the flow's stuck hop, else
 * the first hop whose verdict is neither OK nor NO_EVIDENCE (the cause, not its consequences), else
 * the first hop. The selection is never written.
 */
public final class MetricsViewModel {

  /** Most event markers per chart; more events are collapsed into time buckets. */
  public static final int MAX_MARKERS = 300;

  static final String NO_FLOW = "Search a message to see its hops' metrics";
  static final String NO_METRICS =
      "No hop metrics for this flow: the connection has no Prometheus, or the path defines no"
          + " PromQL panels";
  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
          .withZone(java.time.ZoneId.systemDefault());

  static final String NO_EVENTS = "The message has no events, so there is no time range to chart";

  private final ReadOnlyObjectProperty<Flow> flow;
  private final StringProperty selectedHop;
  private final ReadOnlyObjectProperty<TimeWindow> outageWindow;
  private final ObjectProperty<PathDef> path = new SimpleObjectProperty<>(this, "path");
  private final ReadOnlyStringWrapper shownHop = new ReadOnlyStringWrapper(this, "shownHop");
  private final ReadOnlyObjectWrapper<HopVerdict> shownVerdict =
      new ReadOnlyObjectWrapper<>(this, "shownVerdict");
  private final ReadOnlyIntegerWrapper shownEventCount =
      new ReadOnlyIntegerWrapper(this, "shownEventCount");
  private final ReadOnlyObjectWrapper<TimeWindow> range =
      new ReadOnlyObjectWrapper<>(this, "range");
  private final ReadOnlyStringWrapper emptyMessage =
      new ReadOnlyStringWrapper(this, "emptyMessage", NO_FLOW);
  private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper(this, "warning");
  private final ObservableList<ChartModel> charts = FXCollections.observableArrayList();
  private final ObservableList<ChartModel> readOnlyCharts =
      FXCollections.unmodifiableObservableList(charts);

  /**
   * @param flow the shown flow, null for none
   * @param selectedHop the hop selected everywhere (read only here), null for none
   * @param outageWindow the outage window to shade, null for none
   */
  public MetricsViewModel(
      ReadOnlyObjectProperty<Flow> flow,
      StringProperty selectedHop,
      ReadOnlyObjectProperty<TimeWindow> outageWindow) {
    this.flow = flow;
    this.selectedHop = selectedHop;
    this.outageWindow = outageWindow;
    for (Observable input : List.of(flow, selectedHop, outageWindow, path)) {
      input.addListener(o -> update());
    }
    update();
  }

  /** The shown hop's panels, in path order; empty in every empty state. Unmodifiable. */
  public ObservableList<ChartModel> getCharts() {
    return readOnlyCharts;
  }

  /** The hop whose panels are shown, or null without a flow. */
  public ReadOnlyStringProperty shownHopProperty() {
    return shownHop.getReadOnlyProperty();
  }

  /** The shown hop's verdict, or null without a flow. */
  public ReadOnlyObjectProperty<HopVerdict> shownVerdictProperty() {
    return shownVerdict.getReadOnlyProperty();
  }

  /** How many events the message has at the shown hop (0 without a flow). */
  public ReadOnlyIntegerProperty shownEventCountProperty() {
    return shownEventCount.getReadOnlyProperty();
  }

  /** The charts' time range (flow span plus margin), or null without events. */
  public ReadOnlyObjectProperty<TimeWindow> rangeProperty() {
    return range.getReadOnlyProperty();
  }

  /** What to show instead of charts, or null when there are charts. */
  public ReadOnlyStringProperty emptyMessageProperty() {
    return emptyMessage.getReadOnlyProperty();
  }

  /** The flow's "metrics unavailable: ..." warning, or null. */
  public ReadOnlyStringProperty warningProperty() {
    return warning.getReadOnlyProperty();
  }

  /** Optional: the flow's path definition, for the panels' units and series colour overrides. */
  public ObjectProperty<PathDef> pathProperty() {
    return path;
  }

  private void update() {
    Flow f = flow.get();
    List<ChartModel> next = new ArrayList<>();
    HopFlow hop = f == null ? null : shownHop(f, selectedHop.get());
    String metricsWarning = f == null ? null : metricsWarning(f);
    TimeWindow span = f == null ? null : span(f);
    String empty = null;
    if (f == null || hop == null) {
      empty = NO_FLOW;
    } else if (span == null) {
      empty = NO_EVENTS;
    } else {
      TimeWindow incident = clip(outageWindow.get(), span);
      List<ChartModel.EventMark> marks = EventMarks.of(hop.events(), span, MAX_MARKERS);
      for (HopMetrics m : f.metrics()) {
        if (m.hop().equals(hop.hop())) {
          PanelDef def = panel(hop.hop(), m.panel());
          next.add(
              new ChartModel(
                  m.panel(),
                  m.query(),
                  def == null ? "" : def.unit(),
                  SeriesLabels.of(m.series(), m.panel(), def == null ? List.of() : def.colours()),
                  marks,
                  hop.events().size(),
                  span,
                  incident));
        }
      }
      if (next.isEmpty()) {
        empty =
            metricsWarning != null
                ? metricsWarning
                : f.metrics().isEmpty()
                    ? NO_METRICS
                    : "No PromQL panels defined for " + hop.hop() + " in the path definition";
      }
    }
    shownHop.set(hop == null ? null : hop.hop());
    shownVerdict.set(hop == null ? null : hop.verdict());
    shownEventCount.set(hop == null ? 0 : hop.events().size());
    range.set(span);
    warning.set(metricsWarning);
    emptyMessage.set(empty);
    if (!next.equals(charts)) {
      charts.setAll(next);
    }
  }

  /**
   * What a card says about its panel's answer besides the chart: for no series, "NO DATA" with the
   * query's range (the card shows the query); for only zeros, that they are all 0, so a flat line
   * is not taken for a broken chart; null when there are values.
   */
  public static String dataNote(ChartModel m) {
    return switch (m.data()) {
      case NONE ->
          "NO DATA: Prometheus returned no series for this query from "
              + TIME.format(m.range().from())
              + " to "
              + TIME.format(m.range().to());
      case ALL_ZERO -> "all 0 in this range";
      case VALUES -> null;
    };
  }

  static HopFlow shownHop(Flow f, String selected) {
    if (f.hops().isEmpty()) {
      return null;
    }
    for (String name : new String[] {selected, f.stuckAt()}) {
      for (HopFlow h : f.hops()) {
        if (h.hop().equals(name)) {
          return h;
        }
      }
    }
    for (HopFlow h : f.hops()) {
      if (h.verdict() != HopVerdict.OK && h.verdict() != HopVerdict.NO_EVIDENCE) {
        return h;
      }
    }
    return f.hops().get(0);
  }

  /** The flow's span over all hops plus the engine's metrics margin, or null without events. */
  static TimeWindow span(Flow f) {
    Instant first = null;
    Instant last = null;
    for (HopFlow h : f.hops()) {
      if (h.firstSeen() != null && (first == null || h.firstSeen().isBefore(first))) {
        first = h.firstSeen();
      }
      if (h.lastSeen() != null && (last == null || h.lastSeen().isAfter(last))) {
        last = h.lastSeen();
      }
    }
    if (first == null || last == null) {
      return null;
    }
    Duration margin = Engine.METRICS_MARGIN;
    return new TimeWindow(first.minus(margin), last.plus(margin));
  }

  /** {@code w} clipped to {@code range}, or null when null or outside it. */
  static TimeWindow clip(TimeWindow w, TimeWindow range) {
    if (w == null) {
      return null;
    }
    Instant from = w.from().isAfter(range.from()) ? w.from() : range.from();
    Instant to = w.to().isBefore(range.to()) ? w.to() : range.to();
    return to.isAfter(from) ? new TimeWindow(from, to) : null;
  }

  private static String metricsWarning(Flow f) {
    return f.notices().stream()
        .filter(n -> n instanceof Notice.MetricsUnavailable)
        .map(Notice::text)
        .findFirst()
        .orElse(null);
  }

  /** The definition of {@code hop}'s panel titled {@code panel}, or null without a path. */
  private PanelDef panel(String hop, String panel) {
    PathDef p = path.get();
    if (p == null) {
      return null;
    }
    return p.hop(hop).stream()
        .flatMap(h -> h.panels().stream())
        .filter(d -> d.title().equals(panel))
        .findFirst()
        .orElse(null);
  }
}
