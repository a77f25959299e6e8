package org.hopscope.ui.flow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * What the timeline draws over the lanes: the compressed breaks (a striped band with zig-zag edges
 * and the real gap printed in the axis row) and the stuck marker (a dashed line from a stuck hop's
 * last event to the plot's right edge, labelled "stuck since ..."; the label always lies inside the
 * plot, with an arrow when the last event is scrolled out of view).
 */
final class TimelineOverlay {

  static final Font LABEL = Font.font("System", FontWeight.BOLD, 12);

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final TimelinePalette palette;

  TimelineOverlay(TimelinePalette palette) {
    this.palette = palette;
  }

  /** Where a break is drawn: {x0, x1} in canvas x. */
  static double[] breakX(TimelineGaps.Break b, TimelineViewport vp) {
    return new double[] {
      TimelinePainter.GUTTER + vp.x(b.axisFrom()), TimelinePainter.GUTTER + vp.x(b.axisTo())
    };
  }

  /** The stuck label: "stuck since 16:00:07 UTC · 40 m 12 s" (without as-of: no duration). */
  static String stuckText(Instant since, Instant asOf) {
    String text = "stuck since " + SECONDS.format(since) + " UTC";
    return asOf == null || asOf.isBefore(since)
        ? text
        : text + " · " + FlowFormat.latency(asOf.toEpochMilli() - since.toEpochMilli());
  }

  /**
   * Where the stuck label goes: right of the marker at {@code markerX} where it fits, else moved
   * left so it ends at the plot's right edge, never left of the plot's left edge; centred on the
   * dashed line at {@code mid}.
   */
  static Rectangle2D stuckLabel(
      double markerX, double textW, double textH, double left, double right, double mid) {
    double x = Math.max(left + 4, Math.min(markerX + 10, right - 4 - textW));
    return new Rectangle2D(x, mid - textH / 2, textW, textH);
  }

  /** Draws the breaks over the lanes from y {@code top} to {@code bottom}. */
  void breaks(
      GraphicsContext g, TimelineGaps gaps, TimelineViewport vp, double top, double bottom) {
    Color bg = TimelinePalette.color(palette.background);
    Color stripe = TimelinePalette.color(palette.grid);
    Color edge = TimelinePalette.color(palette.muted);
    for (TimelineGaps.Break b : gaps.breaks()) {
      double[] x = breakX(b, vp);
      double w = x[1] - x[0];
      g.setFill(bg);
      g.fillRect(x[0], 0, w, bottom);
      g.setStroke(stripe);
      g.setLineWidth(1);
      g.save();
      g.beginPath();
      g.rect(x[0], top, w, bottom - top);
      g.clip();
      for (double s = x[0] - (bottom - top); s < x[1]; s += 8) {
        g.strokeLine(s, bottom, s + (bottom - top), top);
      }
      g.restore();
      g.setStroke(edge);
      g.setLineWidth(1.2);
      zigzag(g, x[0], top, bottom);
      zigzag(g, x[1], top, bottom);
      g.setFill(edge);
      g.setFont(LABEL);
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.CENTER);
      g.fillText(b.label(), (x[0] + x[1]) / 2, top / 2 - 1);
    }
  }

  private static void zigzag(GraphicsContext g, double x, double top, double bottom) {
    g.beginPath();
    g.moveTo(x, top);
    boolean out = true;
    for (double y = top + 4; y <= bottom; y += 4) {
      g.lineTo(x + (out ? 3 : -3), y);
      out = !out;
    }
    g.stroke();
  }

  /**
   * Draws the stuck marker for a last event at canvas x {@code from} in a lane centred on {@code
   * mid}, the plot spanning [left, right], the label right of a break it would start in; returns
   * the label's bounds.
   */
  Rectangle2D stuck(
      GraphicsContext g,
      double from,
      double left,
      double right,
      double mid,
      String text,
      List<double[]> breaks) {
    Color stuck = TimelinePalette.color(palette.stuck);
    g.setStroke(stuck);
    g.setLineWidth(2);
    g.setLineDashes(6, 4);
    if (from + 6 < right) {
      g.strokeLine(Math.max(left, from + 6), mid, right, mid);
    }
    g.setLineDashes(null);
    String shown = from < left ? "← " + text : from > right ? text + " →" : text;
    Text measure = new Text(shown);
    measure.setFont(LABEL);
    double w = measure.getLayoutBounds().getWidth();
    double h = measure.getLayoutBounds().getHeight();
    double at = from;
    for (double[] b : breaks) {
      if (at + 10 >= b[0] - 4 && at + 10 <= b[1]) {
        at = b[1]; // never over a break's zig-zag and printed gap
      }
    }
    Rectangle2D label = stuckLabel(at, w, h, left, right, mid);
    g.setFill(TimelinePalette.color(palette.background).deriveColor(0, 1, 1, 0.8));
    g.fillRect(label.getMinX() - 2, label.getMinY(), label.getWidth() + 4, label.getHeight());
    g.setFill(stuck);
    g.setFont(LABEL);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.TOP);
    g.fillText(shown, label.getMinX(), label.getMinY());
    g.setTextBaseline(VPos.CENTER);
    return label;
  }
}
