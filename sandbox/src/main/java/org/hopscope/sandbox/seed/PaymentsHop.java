package org.hopscope.sandbox.seed;

import java.time.Duration;

/** The five hops of the sandbox's {@code payments} integration path, in path order. */
public enum PaymentsHop {
  PAYMENTS_API("payments-api", Duration.ofSeconds(10)),
  PAYMENT_SERVICE("payment-service", Duration.ofSeconds(30)),
  LEDGER("ledger", Duration.ofMinutes(2)),
  SETTLEMENT_BATCHER("settlement-batcher", Duration.ofMinutes(15)),
  CLEARING("clearing", null);

  private final String hopName;
  private final Duration sla;

  PaymentsHop(String hopName, Duration sla) {
    this.hopName = hopName;
    this.sla = sla;
  }

  /**
   * The hop's hand-over SLA: the longest time allowed from a part's first event at this hop to its
   * first event at the next hop; null for the last hop.
   */
  public Duration sla() {
    return sla;
  }

  /** The hop's name as {@code queries/payments.yaml} and the manifest spell it. */
  public String hopName() {
    return hopName;
  }

  /** Whether this is the path's last hop. */
  public boolean last() {
    return this == CLEARING;
  }
}
