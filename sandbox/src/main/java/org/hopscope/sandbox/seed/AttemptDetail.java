package org.hopscope.sandbox.seed;

/**
 * The fixed {@link Journey.Attempt#detail()} texts the generator uses, so that document writers and
 * metrics can tell attempts apart without parsing free text. ERP business faults carry their own
 * fault text instead (see {@link #isBusinessFault}).
 */
public final class AttemptDetail {

  /** Gateway attempt rejected after the token signing key rotation (HTTP 401). */
  public static final String UNAUTHORIZED = "invalid token: signing key rotated";

  /** Fulfilment or ERP adapter attempt whose ERP call ran into the 10 s timeout. */
  public static final String ERP_TIMEOUT = "ERP call timed out after 10000 ms";

  /** Fulfilment attempt that found the ERP adapter pool exhausted and parked the message. */
  public static final String POOL_EXHAUSTED =
      "ERP adapter pool exhausted (30 active, 212 waiting), message parked";

  /** Fulfilment attempt (and topic attempt) of an at-least-once duplicate delivery. */
  public static final String DUPLICATE_DELIVERY =
      "duplicate delivery detected, skipped (idempotent)";

  /** Last fulfilment attempt that gave up and sent the message to the dead-letter topic. */
  public static final String DEAD_LETTER = "sent to DLQ orders.v1.DLQ after 4 attempts";

  /** Prefix of the non-retryable ERP business faults (SOAP fault texts). */
  public static final String BUSINESS_FAULT_PREFIX = "SOAP Fault: ";

  private AttemptDetail() {}

  /** Whether {@code detail} is an ERP business fault text. */
  public static boolean isBusinessFault(String detail) {
    return detail.startsWith(BUSINESS_FAULT_PREFIX);
  }
}
