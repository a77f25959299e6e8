package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known about one message at one hop, the input of {@link VerdictRules}.
 *
 * @param first observed time of the message's earliest event at the hop, or null without evidence
 * @param last observed time of its latest event there, or null without evidence
 * @param failure whether an event meets the hop's failure conditions
 * @param lastFailure the latest such event's time, or null without failures
 * @param terminal whether an event meets a terminal failure condition
 * @param deadLetter whether an event meets the hop's dead-letter conditions
 * @param sla the hop's hand-over SLA, null for the last hop
 * @param blind whether every source of the hop is unreadable (nothing can be known there)
 */
record HopEvidence(
    Instant first,
    Instant last,
    boolean failure,
    Instant lastFailure,
    boolean terminal,
    boolean deadLetter,
    Duration sla,
    boolean blind) {

  /** Evidence whose failures (if any) are not terminal and were the hop's last event. */
  HopEvidence(Instant first, boolean failure, boolean deadLetter, Duration sla) {
    this(first, first, failure, failure ? first : null, false, deadLetter, sla, false);
  }

  /** A hop whose sources could not be read. */
  static HopEvidence blind(Duration sla) {
    return new HopEvidence(null, null, false, null, false, false, sla, true);
  }

  boolean present() {
    return first != null;
  }

  /** This evidence with another first time (the link pass' stand-in for the message's first). */
  HopEvidence withFirst(Instant other) {
    return new HopEvidence(other, last, failure, lastFailure, terminal, deadLetter, sla, blind);
  }

  /** Whether a non-failure event came after the last failure here (a later attempt). */
  boolean retriedAfterFailure() {
    return failure && last != null && lastFailure != null && last.isAfter(lastFailure);
  }
}
