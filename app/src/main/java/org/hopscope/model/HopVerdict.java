package org.hopscope.model;

/** What Hopscope concludes about one message at one hop; a closed set. */
public enum HopVerdict {
  /** The hop handed the message on within its SLA. */
  OK,
  /** The hop reported a failure for the message (exception, 5xx, outcome failure). */
  ERROR,
  /** The hop handed the message on, but later than its SLA. */
  SLOW,
  /** The message entered the hop and did not reach the next one within the SLA. */
  STUCK,
  /** The hop sent the message to a dead-letter destination. */
  DEAD_LETTERED,
  /** The hop has no record of the message at all. */
  NO_EVIDENCE,
  /** The message is at the hop and still within its SLA. */
  IN_FLIGHT,
  /**
   * Hopscope cannot tell: every source of the hop is unreadable (no index matches its pattern, no
   * privilege), so the message may have passed it; never read as "no evidence".
   */
  UNKNOWN
}
