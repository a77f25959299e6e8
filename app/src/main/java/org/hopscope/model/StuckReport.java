package org.hopscope.model;

import java.time.Instant;
import java.util.List;

/**
 * What a stuck analysis found on a path.
 *
 * @param path path name
 * @param window the messages counted at a hop are those whose first event there lies in it
 * @param asOf analysis time for "past the SLA" (the window's end, or now)
 * @param hops one entry per hop, path order
 * @param totals messages per outcome over all hops (a message counts at one hop at most)
 * @param notices what the user must know (e.g. approximations, skipped links)
 */
public record StuckReport(
    String path,
    TimeWindow window,
    Instant asOf,
    List<HopCounts> hops,
    Totals totals,
    List<Notice> notices) {

  public StuckReport {
    hops = List.copyOf(hops);
    notices = List.copyOf(notices);
  }

  /** Sums of the per-hop outcome counts. */
  public record Totals(long stuck, long failed, long deadLettered, long slow) {}
}
