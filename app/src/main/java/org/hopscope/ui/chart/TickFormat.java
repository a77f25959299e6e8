package org.hopscope.ui.chart;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Value-axis tick labels with the panel's unit: seconds as {@code 250 ms} or {@code 1.5 s}, a ratio
 * as {@code 20 %}, large counts as {@code 12k msg/s}; as many decimals as the tick step needs.
 * Format only (parsing is not supported).
 */
public final class TickFormat extends NumberFormat {

  private final double scale;
  private final String suffix;
  private final DecimalFormat digits;

  /**
   * @param unit the panel's unit, e.g. {@code s}, {@code ratio}, {@code msg/s}; empty for none
   * @param step the tick step the labels are for
   */
  public TickFormat(String unit, double step) {
    String u = unit == null ? "" : unit.trim();
    double s = 1;
    String suffix;
    switch (u.toLowerCase(Locale.ROOT)) {
      case "s", "sec", "seconds" -> {
        s = step < 1 ? 1000 : 1;
        suffix = step < 1 ? " ms" : " s";
      }
      case "ms", "milliseconds" -> {
        s = step >= 1000 ? 0.001 : 1;
        suffix = step >= 1000 ? " s" : " ms";
      }
      case "ratio" -> {
        s = 100;
        suffix = " %";
      }
      case "%", "percent" -> suffix = " %";
      default -> {
        String prefix = "";
        if (step >= 1e6) {
          s = 1e-6;
          prefix = "M";
        } else if (step >= 1e3) {
          s = 1e-3;
          prefix = "k";
        }
        suffix = prefix + (u.isEmpty() ? "" : " " + u);
      }
    }
    this.scale = s;
    this.suffix = suffix;
    int decimals = NiceTicks.decimals(step * s);
    this.digits =
        new DecimalFormat(
            decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals),
            DecimalFormatSymbols.getInstance(Locale.ROOT));
    digits.setRoundingMode(RoundingMode.HALF_EVEN);
  }

  @Override
  public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
    double v = number * scale;
    if (Math.abs(v) < 1e-12) {
      v = 0; // no "-0"
    }
    return to.append(digits.format(v)).append(suffix);
  }

  @Override
  public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
    return format((double) number, to, pos);
  }

  @Override
  public Number parse(String source, ParsePosition pos) {
    throw new UnsupportedOperationException("tick labels are not parsed");
  }
}
