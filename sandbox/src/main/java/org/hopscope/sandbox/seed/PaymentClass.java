package org.hopscope.sandbox.seed;

/**
 * The ground-truth class of one generated payment, derived by {@link PaymentRules} from what
 * happened to its parts (rules in {@code docs/sandbox-manifest.md}).
 */
public enum PaymentClass {
  /** Every part reached clearing and was acknowledged in time, no failure on the way. */
  HEALTHY,
  /** As HEALTHY, but a failure on the way was recovered (a 502 the client retried). */
  RECOVERED,
  /** Every part reached clearing, but a hand-over took longer than the hop's SLA. */
  SLOW,
  /** A part stopped at a hop and is past that hop's SLA. */
  STUCK,
  /** A part stopped at a hop and is still within that hop's SLA. */
  IN_FLIGHT,
  /** A terminal failure (422, a rejected batch) or a failure nothing recovered. */
  FAILED
}
