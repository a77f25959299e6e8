package org.hopscope.ui.metrics;

/**
 * How many columns the chart cards of the metrics view take so they fill the space: the number
 * whose cells hold the largest chart of a readable shape (about {@link #ASPECT} wide to 1 high),
 * never cells narrower than {@link #MIN_WIDTH} nor (without scrolling) lower than {@link
 * #MIN_HEIGHT}. One panel fills the view; two side by side; three at 1280x800 and 1920x1080 in one
 * row; four as two by two. The last row's last card spans the columns left over.
 */
final class GridShape {

  /** A card is never narrower than this (when there are several columns). */
  static final double MIN_WIDTH = 380;

  /** A card is never lower than this; more rows than fit scroll. */
  static final double MIN_HEIGHT = 260;

  /** The chart shape aimed for: width / height. */
  static final double ASPECT = 1.7;

  private GridShape() {}

  /**
   * The column count for {@code n} cards in a {@code width} x {@code height} area with {@code gap}
   * between cards; 1 when {@code n <= 1} or the area is not laid out yet.
   */
  static int columns(int n, double width, double height, double gap) {
    if (n <= 1 || width <= 0 || height <= 0) {
      return 1;
    }
    int best = 1;
    double bestScore = -1;
    for (int c = 1; c <= Math.min(n, 4); c++) {
      int rows = (n + c - 1) / c;
      double w = (width - gap * (c - 1)) / c;
      if (c > 1 && w < MIN_WIDTH) {
        break;
      }
      double fitting = (height - gap * (rows - 1)) / rows;
      double h = Math.max(fitting, MIN_HEIGHT);
      double visible = Math.min(1, height / (rows * h + gap * (rows - 1)));
      // scrolling hides charts: count the hidden share twice
      double score = Math.min(w, h * ASPECT) * Math.min(h, w / ASPECT) * visible * visible;
      if (score > bestScore * 1.02) {
        best = c;
        bestScore = score;
      }
    }
    return best;
  }
}
