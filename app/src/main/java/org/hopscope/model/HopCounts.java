package org.hopscope.model;

import java.util.List;

/**
 * What happened at one hop to the messages that entered it in a window, counted in messages (a
 * batch counts as its members, a split message once).
 *
 * @param hop hop name
 * @param entered messages whose first event at the hop lies in the window
 * @param left of those, the ones that reached the next hop (last hop: all that entered)
 * @param stuck of those, not at the next hop and past the hop's SLA (and not failed/dead-lettered)
 * @param failed of those, with an unrecovered or terminal failure at the hop
 * @param deadLettered of those, dead-lettered at the hop
 * @param slow of those, reached the next hop later than the SLA
 * @param blind the hop's sources that could not be read: all of them, and the counts are unknown
 */
public record HopCounts(
    String hop,
    long entered,
    long left,
    long stuck,
    long failed,
    long deadLettered,
    long slow,
    List<BlindSource> blind) {

  public HopCounts {
    blind = List.copyOf(blind);
  }

  /** Counts of a hop whose sources are all readable. */
  public HopCounts(
      String hop, long entered, long left, long stuck, long failed, long deadLettered, long slow) {
    this(hop, entered, left, stuck, failed, deadLettered, slow, List.of());
  }
}
