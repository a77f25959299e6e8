package org.hopscope.sandbox.seed;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fixed clock skew of each payments hop's host, added to every timestamp that hop writes. The
 * payment-service host runs about four seconds behind; the others are within 150 ms.
 *
 * @param millisByHop skew in milliseconds per hop
 */
public record PaymentsSkews(Map<PaymentsHop, Integer> millisByHop) {

  /** The payment-service host's clock is between this many milliseconds behind ... */
  static final int SERVICE_BEHIND_MIN_MILLIS = 3_500;

  /** ... and this many. */
  static final int SERVICE_BEHIND_MAX_MILLIS = 4_500;

  public PaymentsSkews {
    millisByHop = Collections.unmodifiableMap(new EnumMap<>(millisByHop));
  }

  /** Draws one skew per hop, in path order, from {@code random}. */
  static PaymentsSkews draw(SplittableRandom random) {
    Map<PaymentsHop, Integer> skews = new EnumMap<>(PaymentsHop.class);
    for (PaymentsHop hop : PaymentsHop.values()) {
      skews.put(
          hop,
          hop == PaymentsHop.PAYMENT_SERVICE
              ? -random.nextInt(SERVICE_BEHIND_MIN_MILLIS, SERVICE_BEHIND_MAX_MILLIS + 1)
              : random.nextInt(-HostSkews.MAX_SKEW_MILLIS, HostSkews.MAX_SKEW_MILLIS + 1));
    }
    return new PaymentsSkews(skews);
  }

  /** The skew of {@code hop} in milliseconds. */
  public int of(PaymentsHop hop) {
    return millisByHop.get(hop);
  }

  /** The epoch millis {@code hop}'s host writes for an event at {@code trueMillis}. */
  public long observed(PaymentsHop hop, long trueMillis) {
    return trueMillis + millisByHop.get(hop);
  }

  /** The largest positive skew (0 if none is positive). */
  public int maxAhead() {
    return Math.max(0, millisByHop.values().stream().mapToInt(Integer::intValue).max().orElse(0));
  }
}
