package org.hopscope.model;

import java.time.Instant;
import java.util.List;

/**
 * One hop of one message's flow.
 *
 * @param hop hop name
 * @param verdict what Hopscope concludes here (for a split message: its worst part's)
 * @param attempts how many attempts the hop made (deliveries, retries, calls); 0 without evidence
 * @param firstSeen earliest event, or null without evidence
 * @param lastSeen latest event, or null without evidence
 * @param latencyMs time from this hop's first event to the next hop's first event, never negative
 *     (clock skew is clamped to 0 and reported as a warning); null when unknown
 * @param events the events, oldest first by corrected time
 * @param failures events here that meet the hop's failure conditions
 * @param recovered whether every failure here was recovered (a later attempt or later evidence)
 * @param skewMs estimated clock correction added to this hop's stored times so the journey runs
 *     forwards (0: none); see {@link Notice.ClockSkew}
 * @param parts of a split message: how many of its parts reached this hop, or null
 * @param sharedBy batch IDs whose evidence this hop shows (shared with the batch's other members);
 *     empty when the evidence is the message's own
 * @param blind the hop's sources that could not be read; all of them: verdict {@link
 *     HopVerdict#UNKNOWN}
 */
public record HopFlow(
    String hop,
    HopVerdict verdict,
    int attempts,
    Instant firstSeen,
    Instant lastSeen,
    Long latencyMs,
    List<FlowEvent> events,
    int failures,
    boolean recovered,
    long skewMs,
    PartProgress parts,
    List<String> sharedBy,
    List<BlindSource> blind) {

  public HopFlow {
    events = List.copyOf(events);
    sharedBy = List.copyOf(sharedBy);
    blind = List.copyOf(blind);
  }

  /**
   * This hop in a first answer (ADR 0048): verdict UNKNOWN and no hand-over latency, both judged
   * when all is read (a later round may still find an earlier event here or at the next hop).
   */
  public HopFlow unjudged() {
    return new HopFlow(
        hop,
        HopVerdict.UNKNOWN,
        attempts,
        firstSeen,
        lastSeen,
        null,
        events,
        failures,
        recovered,
        skewMs,
        parts,
        sharedBy,
        blind);
  }

  /** A hop with its own evidence only: no failures, skew, parts or blind sources. */
  public HopFlow(
      String hop,
      HopVerdict verdict,
      int attempts,
      Instant firstSeen,
      Instant lastSeen,
      Long latencyMs,
      List<FlowEvent> events) {
    this(
        hop, verdict, attempts, firstSeen, lastSeen, latencyMs, events, 0, false, 0, null,
        List.of(), List.of());
  }

  /** A split message's progress at a hop: e.g. 2 of 3 parts reached it. */
  public record PartProgress(int reached, int total) {}
}
