package org.hopscope.model;

import java.time.Instant;
import java.util.List;

/**
 * One hop of one message's flow.
 *
 * @param hop hop name
 * @param verdict what Hopscope concludes here
 * @param attempts how many attempts the hop made (deliveries, retries, calls); 0 without evidence
 * @param firstSeen earliest event, or null without evidence
 * @param lastSeen latest event, or null without evidence
 * @param latencyMs time from this hop's first event to the next hop's first event, never negative
 *     (clock skew is clamped to 0 and reported as a warning); null when unknown
 * @param events the events, oldest first
 */
public record HopFlow(
    String hop,
    HopVerdict verdict,
    int attempts,
    Instant firstSeen,
    Instant lastSeen,
    Long latencyMs,
    List<FlowEvent> events) {

  public HopFlow {
    events = List.copyOf(events);
  }
}
