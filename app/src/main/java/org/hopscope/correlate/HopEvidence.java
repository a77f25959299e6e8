package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;

/**
 * What is known about one message at one hop, the input of {@link VerdictRules}.
 *
 * @param first observed time of the message's earliest event at the hop, or null without evidence
 * @param failure whether an event meets the hop's failure conditions
 * @param deadLetter whether an event meets the hop's dead-letter conditions
 * @param sla the hop's hand-over SLA, null for the last hop
 */
record HopEvidence(Instant first, boolean failure, boolean deadLetter, Duration sla) {

  boolean present() {
    return first != null;
  }
}
