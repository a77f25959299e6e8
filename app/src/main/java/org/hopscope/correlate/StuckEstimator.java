package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Hop;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckEstimate.HopEstimate;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * The stuck funnel's first stage: per-hop estimates of the exact analysis's counts from distinct
 * counts that need no key scan (docs/decisions/0035-stuck-funnel-estimates.md).
 */
public final class StuckEstimator {

  private final EventSource events;

  public StuckEstimator(EventSource events) {
    this.events = events;
  }

  /** Estimates {@code window} on {@code path} as of {@code asOf}. */
  public StuckEstimate estimate(
      PathDef path, TimeWindow window, Instant asOf, Cancellation cancel) {
    List<HopEstimate> hops = new ArrayList<>();
    Figure none = Figure.unknown("estimates are not available yet");
    for (Hop hop : path.hops()) {
      hops.add(new HopEstimate(hop.name(), none, none, none, none, none, List.of()));
    }
    List<Notice> notices = new ArrayList<>();
    return new StuckEstimate(path.name(), window, asOf, hops, notices);
  }
}
