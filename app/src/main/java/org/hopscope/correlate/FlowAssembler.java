package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * Assembles one message's end-to-end flow: finds its events across all hops (one backend round trip
 * per round, following ID links both ways and trace IDs, bounded by {@link FlowOptions}),
 * de-duplicates them by index and document ID, arranges them per hop with attempts, latencies and
 * verdicts, and fetches each hop's metrics over the flow's time span. Synchronous, thread-safe (no
 * state between calls).
 */
public final class FlowAssembler {

  private final EventSource events;
  private final HopMetricsFetcher metrics;
  private final FlowOptions options;

  /**
   * @param events where the path's events are
   * @param metrics fetches hop metrics, or null to assemble flows without metrics
   * @param options search limits
   */
  public FlowAssembler(EventSource events, HopMetricsFetcher metrics, FlowOptions options) {
    this.events = events;
    this.metrics = metrics;
    this.options = options;
  }

  /**
   * Assembles the flow of the message known by {@code id}.
   *
   * @param path the integration path
   * @param id what the user typed: a message ID, a linked ID (e.g. an ERP document number) or a
   *     trace ID; matched exactly
   * @param window only events in this window, or null for no time bound
   * @param asOf the analysis time for STUCK vs IN_FLIGHT (the window's end, or now)
   * @param cancel cancels the search
   * @return the flow; {@link org.hopscope.model.HopVerdict#NO_EVIDENCE} when nothing was found
   * @throws org.hopscope.source.SourceException when the event backend fails (metrics failures
   *     become notices)
   * @throws Cancellation.CancelledException when cancelled
   */
  public Flow assemble(
      PathDef path, String id, TimeWindow window, Instant asOf, Cancellation cancel) {
    IdFollower.Found found = new IdFollower(events, options).follow(path, id, window, cancel);
    FlowBuilder.Built built = new FlowBuilder().build(path, found.events(), asOf);
    List<Notice> notices = new ArrayList<>(found.notices());
    notices.addAll(built.notices());
    List<HopMetrics> panels = List.of();
    if (metrics != null && !found.events().isEmpty()) {
      List<Instant> times = found.events().stream().map(f -> f.event().timestamp()).toList();
      HopMetricsFetcher.Result result =
          metrics.fetch(path, Collections.min(times), Collections.max(times), cancel);
      panels = result.metrics();
      notices.addAll(result.notices());
    }
    return new Flow(
        path.name(),
        id,
        found.ids(),
        built.verdict(),
        built.stuckAt(),
        built.hops(),
        panels,
        notices);
  }
}
