package org.hopscope.ui.flow;

/**
 * The visible time range of the timeline mapped onto its plot width: pure arithmetic, no FX. Times
 * are epoch milliseconds (double, so deep zooms stay smooth), x is pixels from the plot's left
 * edge.
 */
public final class TimelineViewport {

  /** The narrowest span a zoom can reach, in ms. */
  public static final double MIN_SPAN_MS = 1.0;

  private double startMs;
  private double spanMs = 1_000;
  private double widthPx = 1;
  private double maxSpanMs = Double.MAX_VALUE;

  public double startMs() {
    return startMs;
  }

  public double endMs() {
    return startMs + spanMs;
  }

  public double spanMs() {
    return spanMs;
  }

  public double widthPx() {
    return widthPx;
  }

  public double msPerPx() {
    return spanMs / widthPx;
  }

  /** Sets the plot width (at least 1 px). */
  public void setWidth(double px) {
    widthPx = Math.max(1, px);
  }

  /** Shows [fromMs, toMs] with {@code marginFraction} of the span added on both sides. */
  public void fit(long fromMs, long toMs, double marginFraction) {
    fit(fromMs, toMs, marginFraction, marginFraction);
  }

  /** Shows [fromMs, toMs] with separate left and right margins (fractions of the span). */
  public void fit(long fromMs, long toMs, double leftFraction, double rightFraction) {
    double span = Math.max(MIN_SPAN_MS * 10, toMs - fromMs);
    startMs = fromMs - span * leftFraction;
    spanMs = span * (1 + leftFraction + rightFraction);
    maxSpanMs = spanMs * 20;
  }

  /** The x of a time (may lie outside [0, width]). */
  public double x(double timeMs) {
    return (timeMs - startMs) / spanMs * widthPx;
  }

  public double time(double x) {
    return startMs + x / widthPx * spanMs;
  }

  /**
   * Zooms by {@code factor} (&gt;1 zooms in) keeping the time under {@code anchorX} where it is;
   * the span stays within [{@link #MIN_SPAN_MS}, 20x the fitted span].
   */
  public void zoom(double anchorX, double factor) {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      return;
    }
    double anchor = time(anchorX);
    double span = Math.min(maxSpanMs, Math.max(MIN_SPAN_MS, spanMs / factor));
    startMs = anchor - anchorX / widthPx * span;
    spanMs = span;
  }

  /** Moves the view by {@code dxPx} pixels (positive drags the content right, showing earlier). */
  public void pan(double dxPx) {
    startMs -= dxPx * msPerPx();
  }

  /**
   * A tick step in ms from the 1-2-5 series of round durations (1 ms .. 12 h) so that ticks are at
   * least {@code minPx} apart.
   */
  public long tickStepMs(double minPx) {
    long[] steps = {
      1,
      2,
      5,
      10,
      20,
      50,
      100,
      200,
      500,
      1_000,
      2_000,
      5_000,
      10_000,
      15_000,
      30_000,
      60_000,
      120_000,
      300_000,
      600_000,
      900_000,
      1_800_000,
      3_600_000,
      7_200_000,
      21_600_000,
      43_200_000
    };
    double need = minPx * msPerPx();
    for (long s : steps) {
      if (s >= need) {
        return s;
      }
    }
    return steps[steps.length - 1];
  }
}
