package org.hopscope.sandbox.seed;

/** The ground-truth class of one generated message, as listed in the manifest. */
public enum MessageClass {
  /** Crossed every hop within each hop's SLA, first try. */
  HEALTHY,
  /** Crossed every hop, with retried attempts (ERP timeouts) or duplicate deliveries on the way. */
  RETRIED,
  /** Crossed every hop, but one hop took longer than its SLA to hand over (see {@code slowAt}). */
  SLOW,
  /** Entered a hop and never reached the next within the SLA (see {@code stuckAt}). */
  STUCK,
  /** Sent to the dead-letter topic {@code orders.v1.DLQ} after exhausting retries. */
  DEAD_LETTERED,
  /** Failed for good at a hop (gateway 401, ERP business fault; see {@code failedAt}). */
  FAILED,
  /** Still within the SLA of the hop it is at when the recording ends (now). */
  IN_FLIGHT,
  /** One healthy message whose fulfilment hop logged 100,000 events (UI load tests). */
  CHATTY
}
