package org.hopscope.ui.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Axes with few, nicely stepped labels for their drawn size, instead of JFreeChart's "as many as
 * fit" (21 labels on a 0-1 axis).
 */
final class ReadableAxes {

  /** Pixels per value-axis label (vertical): a 400 px plot gets at most 8. */
  static final double VALUE_SPACING = 48;

  /** Pixels per time-axis label: a 600 px plot gets at most 9 ("15:55" is ~35 px wide). */
  static final double TIME_SPACING = 70;

  private ReadableAxes() {}

  /** A value axis labelled in {@link NiceTicks} steps with the unit ({@link TickFormat}). */
  static final class Values extends NumberAxis {
    private String unit = "";

    void unit(String u) {
      unit = u == null ? "" : u;
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
      double length =
          RectangleEdge.isLeftOrRight(edge) ? dataArea.getHeight() : dataArea.getWidth();
      double step =
          NiceTicks.step(getRange().getLength(), NiceTicks.labelsFor(length, VALUE_SPACING, 8));
      setTickUnit(new NumberTickUnit(step, new TickFormat(unit, step)), false, false);
    }
  }

  /** A time axis with about one label per {@link #TIME_SPACING} pixels (1, 2, 5, 10 min ...). */
  static final class Times extends DateAxis {
    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
      int labels = NiceTicks.labelsFor(dataArea.getWidth(), TIME_SPACING, 12);
      // the smallest standard unit (1, 2, 5, 10, 15, 30 min ...) giving at most that many labels
      double per = getRange().getLength() / labels;
      setTickUnit((DateTickUnit) getStandardTickUnits().getCeilingTickUnit(per), false, false);
    }
  }
}
