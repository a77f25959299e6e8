package org.hopscope.model;

/**
 * What happened at one hop to the messages that entered it in a window.
 *
 * @param hop hop name
 * @param entered messages whose first event at the hop lies in the window
 * @param left of those, the ones that reached the next hop (last hop: all that entered)
 * @param stuck of those, not at the next hop and past the hop's SLA (and not failed/dead-lettered)
 * @param failed of those, with a failure event at the hop
 * @param deadLettered of those, dead-lettered at the hop
 * @param slow of those, reached the next hop later than the SLA
 */
public record HopCounts(
    String hop, long entered, long left, long stuck, long failed, long deadLettered, long slow) {}
