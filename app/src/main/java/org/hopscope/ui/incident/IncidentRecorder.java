package org.hopscope.ui.incident;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.beans.value.ChangeListener;
import org.hopscope.model.Flow;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.WindowReport;
import org.hopscope.model.incident.TimelineEntry;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.window.WindowViewModel;

/**
 * Records what the engineer sees on the current incident's timeline, automatically: each flow
 * search result ({@code SEARCH}: "flow ord-1: STUCK at fulfilment-service") and each window
 * analysis ({@code WINDOW_ANALYSIS}: "stuck messages 2026-11-26 02:00–05:00 UTC: 312 stuck, 40
 * failed, 12 dead-lettered"). Without a current incident nothing is recorded (the view model's
 * {@code record} is a no-op then). Pure wiring: no controls.
 */
public final class IncidentRecorder {

  private static final DateTimeFormatter DAY_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

  private final IncidentViewModel incidents;
  private final FlowViewModel flows;
  private final WindowViewModel windows;
  private final ChangeListener<FlowViewModel.State> onFlow =
      (o, was, now) -> {
        if (now == FlowViewModel.State.DONE || now == FlowViewModel.State.NO_EVIDENCE) {
          flowFound(flowsFlow());
        }
      };
  private final ChangeListener<WindowReport> onWindow = (o, was, now) -> windowAnalysed(now);

  /**
   * Starts recording: every flow search that ends with a result (its state becomes DONE or
   * NO_EVIDENCE, so the same answer twice is recorded twice) and every window report.
   *
   * @param incidents where to record
   * @param flows the flow search ({@code stateProperty}, {@code flowProperty} are read)
   * @param windows the window analysis ({@code reportProperty} is read; it is cleared when an
   *     analysis starts, so each analysis is recorded)
   */
  public IncidentRecorder(
      IncidentViewModel incidents, FlowViewModel flows, WindowViewModel windows) {
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.flows = Objects.requireNonNull(flows, "flows");
    this.windows = Objects.requireNonNull(windows, "windows");
    flows.stateProperty().addListener(onFlow);
    windows.reportProperty().addListener(onWindow);
  }

  /** Stops recording. */
  public void stop() {
    flows.stateProperty().removeListener(onFlow);
    windows.reportProperty().removeListener(onWindow);
  }

  private Flow flowsFlow() {
    return flows.flowProperty().get();
  }

  private void flowFound(Flow f) {
    if (f != null) {
      incidents.record(TimelineEntry.Kind.SEARCH, flowSummary(f), flowDetail(f));
    }
  }

  private void windowAnalysed(WindowReport r) {
    if (r != null) {
      incidents.record(TimelineEntry.Kind.WINDOW_ANALYSIS, windowSummary(r), windowDetail(r));
      incidents.saveEvidence(
          org.hopscope.model.incident.Evidence.Kind.WINDOW_REPORT,
          windowSummary(r),
          r.path() + " " + r.window().from() + " .. " + r.window().to(),
          "application/json",
          org.hopscope.report.WindowReportJson.write(r));
    }
  }

  /** "flow QUERY: VERDICT" plus " at HOP" when the flow is stuck somewhere. */
  static String flowSummary(Flow f) {
    String verdict = f.verdict() == null ? "NO_EVIDENCE" : f.verdict().name();
    String at = f.stuckAt() == null || f.stuckAt().isBlank() ? "" : " at " + f.stuckAt();
    return "flow " + f.query() + ": " + verdict + at;
  }

  static String flowDetail(Flow f) {
    return Json.object(
        "query",
        f.query(),
        "verdict",
        f.verdict() == null ? null : f.verdict().name(),
        "stuckAt",
        f.stuckAt(),
        "ids",
        f.ids());
  }

  /** "stuck messages WINDOW: N stuck, M failed, K dead-lettered". */
  static String windowSummary(WindowReport r) {
    WindowReport.Totals t = r.totals();
    return "stuck messages "
        + windowText(r.window())
        + ": "
        + t.stuck()
        + " stuck, "
        + t.failed()
        + " failed, "
        + t.deadLettered()
        + " dead-lettered";
  }

  static String windowDetail(WindowReport r) {
    WindowReport.Totals t = r.totals();
    return Json.object(
        "path",
        r.path(),
        "from",
        r.window().from().toString(),
        "to",
        r.window().to().toString(),
        "stuck",
        t.stuck(),
        "failed",
        t.failed(),
        "deadLettered",
        t.deadLettered(),
        "slow",
        t.slow());
  }

  /** "2026-11-26 02:00–05:00 UTC", or both dates when the window spans days. */
  static String windowText(TimeWindow w) {
    String to =
        DAY.format(w.from()).equals(DAY.format(w.to()))
            ? TIME.format(w.to())
            : DAY_TIME.format(w.to());
    return DAY_TIME.format(w.from()) + "–" + to + " UTC";
  }
}
