package org.hopscope.sandbox.seed;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fixed clock skew of each hop's host: every document a hop writes carries {@code true time +
 * skew}. Ground-truth classification is computed on these observed times, because they are all a
 * correlation engine can see.
 *
 * @param millisByHop skew in milliseconds per hop, in [-150, +150]
 */
public record HostSkews(Map<OrdersHop, Integer> millisByHop) {

  /** Largest absolute skew the generator draws, in milliseconds. */
  public static final int MAX_SKEW_MILLIS = 150;

  public HostSkews {
    millisByHop = Collections.unmodifiableMap(new EnumMap<>(millisByHop));
  }

  /** Draws one skew per hop, in path order, from {@code random}. */
  static HostSkews draw(SplittableRandom random) {
    Map<OrdersHop, Integer> skews = new EnumMap<>(OrdersHop.class);
    for (OrdersHop hop : OrdersHop.values()) {
      skews.put(hop, random.nextInt(-MAX_SKEW_MILLIS, MAX_SKEW_MILLIS + 1));
    }
    return new HostSkews(skews);
  }

  /** The skew of {@code hop} in milliseconds. */
  public int of(OrdersHop hop) {
    return millisByHop.get(hop);
  }

  /**
   * The epoch millis {@code hop}'s host writes for an event that happened at {@code trueMillis}.
   */
  public long observed(OrdersHop hop, long trueMillis) {
    return trueMillis + millisByHop.get(hop);
  }

  /** The largest positive skew (0 if none is positive). */
  public int maxAhead() {
    return Math.max(0, millisByHop.values().stream().mapToInt(Integer::intValue).max().orElse(0));
  }
}
