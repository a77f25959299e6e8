package org.hopscope.ui.chart;

import java.math.BigDecimal;

/**
 * Tick steps people read at a glance: 1, 2, 2.5 or 5 times a power of ten, as few labels as give a
 * feel for the values (a 0-1 axis by 0.2, 0-90 by 20), never more than asked for.
 */
public final class NiceTicks {

  private static final double[] MANTISSAS = {1, 2, 2.5, 5};

  private NiceTicks() {}

  /**
   * The smallest nice step that puts at most {@code maxLabels} labels on an axis spanning {@code
   * span}; 1 for an empty or broken span.
   *
   * @param maxLabels at least 2
   */
  public static double step(double span, int maxLabels) {
    if (!Double.isFinite(span) || span <= 0) {
      return 1;
    }
    double raw = span / Math.max(1, maxLabels - 1);
    int exponent = (int) Math.floor(Math.log10(raw));
    for (int e = exponent - 1; e <= exponent + 1; e++) {
      for (double m : MANTISSAS) {
        double step = BigDecimal.valueOf(m).scaleByPowerOfTen(e).doubleValue();
        if (step >= raw * (1 - 1e-9)) {
          return step;
        }
      }
    }
    return BigDecimal.TEN.scaleByPowerOfTen(exponent + 1).doubleValue();
  }

  /**
   * How many labels fit {@code length} pixels with {@code spacing} pixels each, 2 to {@code max}.
   */
  public static int labelsFor(double length, double spacing, int max) {
    return (int) Math.max(2, Math.min(max, Math.floor(length / spacing) + 1));
  }

  /** The decimals a multiple of {@code step} needs: 0.25 -> 2, 0.2 -> 1, 2.5 -> 1, 20 -> 0. */
  public static int decimals(double step) {
    if (!Double.isFinite(step) || step <= 0) {
      return 0;
    }
    return Math.max(0, new BigDecimal(Double.toString(step)).stripTrailingZeros().scale());
  }
}
