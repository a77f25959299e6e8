package org.hopscope.ui;

import java.time.Clock;
import java.time.Duration;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.compare.CompareWindow;
import org.hopscope.ui.flow.FlowSelection;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.metrics.MetricsViewModel;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.shell.UiPreferences;
import org.hopscope.ui.status.StatusViewModel;
import org.hopscope.ui.stuck.StuckViewModel;
import org.hopscope.ui.task.FxTaskRunner;

/**
 * The view models of one window and how they are wired: to each other (the shell's window to the
 * stuck analysis, the flow to the selected hop and the metrics, query times to the status) and to
 * the engine of the connected profile for the shell's path. Part of the composition root (ADR
 * 0010); no views here, so it is all there before the first frame (ADR 0038).
 */
final class WindowModels {

  private final ActiveConnection connection;

  /** The incident's window when one is set (--outage), else the last analysed window. */
  private final ObjectProperty<TimeWindow> outageWindow = new SimpleObjectProperty<>();

  final FlowViewModel flow;
  final FlowSelection selection = new FlowSelection();
  final StuckViewModel window;
  final ShellModel shell;
  final MetricsViewModel metrics;
  final StatusViewModel status;
  final CompareWindow compare;

  WindowModels(
      ActiveConnection connection, FxTaskRunner runner, Clock clock, UiPreferences preferences) {
    this.connection = connection;
    flow =
        new FlowViewModel(
            (FlowViewModel.StagedFlowSearch)
                (id, w, asOf, c, early) -> {
                  ActiveConnection.Bound b = bound(c);
                  return b.engine().flow(b.path(), id, w, asOf, true, c, early);
                },
            runner,
            clock);
    window =
        new StuckViewModel(
            (w, asOf, found, c) -> {
              ActiveConnection.Bound b = bound(c);
              return b.engine().stuck(b.path(), w, asOf, found, c);
            },
            runner,
            clock);
    shell = new ShellModel(flow, stuckAnalysis(), preferences, clock);
    window.windowSource(
        () -> shell.windowProperty().get().resolve(clock.instant()), shell.windowProperty());
    window
        .changes()
        .compareWith(
            (r, base, c) -> {
              ActiveConnection.Bound b = bound(c);
              return b.engine().compare(b.path(), r, base, c);
            });
    window
        .estimates()
        .estimateWith(
            (w, a, c) -> {
              ActiveConnection.Bound b = bound(c);
              return b.engine().estimateStuck(b.path(), w, a, c);
            });
    metrics = new MetricsViewModel(flow.flowProperty(), selection.hopProperty(), outageWindow);
    status = new StatusViewModel(null, runner, clock);
    compare =
        new CompareWindow(
            flow,
            (id, with, w, asOf, c) -> {
              ActiveConnection.Bound b = bound(c);
              return b.engine().compare(b.path(), id, with, w, asOf, c);
            },
            runner);
  }

  /**
   * The rest of the wiring: query times to the status, a new flow clears the selection, the shell's
   * path picks the metrics' path of the connected profile.
   */
  void connect() {
    timeQueries();
    flow.flowProperty().addListener((o, was, now) -> selection.clear());
    shell
        .pathProperty()
        .addListener(
            (o, was, now) -> {
              org.hopscope.oncall.Connector.Opened c = connection.current();
              metrics.pathProperty().set(c == null ? null : c.catalog().path(now).orElse(null));
            });
  }

  /** The incident's window (--outage): the shell shows it, the metrics chart it. */
  void outage(TimeWindow incident) {
    shell.outage(incident);
    outageWindow.set(shell.outage());
  }

  /** The engine and path definition of the connected profile for the shell's path. */
  ActiveConnection.Bound bound() {
    return connection.bind(shell.pathProperty().get());
  }

  /**
   * As {@link #bound()}, for a query: waits while the profile is still opening at start (ADR 0045),
   * so a query typed before it is connected runs once it is.
   */
  private ActiveConnection.Bound bound(org.hopscope.source.Cancellation cancel) {
    return connection.bind(() -> shell.pathProperty().get(), cancel);
  }

  private ShellModel.StuckAnalysis stuckAnalysis() {
    return new ShellModel.StuckAnalysis() {
      @Override
      public void analyse(TimeWindow w) {
        window.windowProperty().set(w);
        window.analyze();
        outageWindow.set(incidentOr(w));
      }

      @Override
      public void cancel() {
        window.cancel();
      }
    };
  }

  private TimeWindow incidentOr(TimeWindow analysed) {
    return shell != null && shell.outage() != null ? shell.outage() : analysed;
  }

  private void timeQueries() {
    flow.lastTookProperty()
        .addListener((o, was, took) -> record("flow " + flow.queryProperty().get(), took));
    window.lastTookProperty().addListener((o, was, took) -> record("stuck messages", took));
  }

  private void record(String query, Duration took) {
    if (took != null) {
      status.recordQuery(query, took);
    }
  }
}
