package org.hopscope.sandbox.seed;

/**
 * Span and transaction IDs derived from a journey's trace IDs, so that every writer names the same
 * span the same way (parent/child references, links) without storing anything per journey.
 */
final class SpanIds {

  static final int APM_TRANSACTION = 1;
  static final int APM_SEND_SPAN = 2;
  static final int PRODUCER_SPAN = 3;

  /** Consumer span of delivery {@code n} (1-based) is {@code CONSUMER_SPAN + n}. */
  static final int CONSUMER_SPAN = 10;

  /** ERP adapter span of attempt {@code n} (1-based) is {@code ERP_SPAN + n}. */
  static final int ERP_SPAN = 20;

  private SpanIds() {}

  /** 16 lowercase hex digits, a pure function of {@code traceId} and {@code salt}. */
  static String derive(String traceId, int salt) {
    long z = Long.parseUnsignedLong(traceId.substring(0, 16), 16) + salt * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return JourneyGenerator.hex(z ^ (z >>> 31));
  }

  /** Whether the consumer spans of this back trace carry a link to the producer (~30%). */
  static boolean linked(String backTraceId) {
    return Long.remainderUnsigned(Long.parseUnsignedLong(backTraceId.substring(16), 16), 10) < 3;
  }
}
