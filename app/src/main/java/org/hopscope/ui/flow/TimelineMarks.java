package org.hopscope.ui.flow;

import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.hopscope.model.FlowEvent;

/**
 * Draws one lane's events: a span with a known duration as a bar from its start to its end (at
 * least {@link #MIN_BAR_PX} wide), any other event as a tick (a failure as a diamond, a dead letter
 * as a square, a retry as a ring); while the visible events outnumber the pixels, one density bar
 * per pixel column instead. Work per frame is O(width * log n).
 */
final class TimelineMarks {

  /** The narrowest a span's bar is drawn, so that a 1 ms span stays visible and clickable. */
  static final double MIN_BAR_PX = 4;

  private static final Font SMALL = Font.font("System", 11);

  private final TimelinePalette palette;
  private int[] counts = new int[0];
  private int[] failures = new int[0];
  private int[] retries = new int[0];
  private double[] bounds = new double[0];

  TimelineMarks(TimelinePalette palette) {
    this.palette = palette;
  }

  /**
   * A span's bar from plot x {@code x0} (its start) to {@code x1} (its end) in a lane centred on
   * {@code mid}: at least {@link #MIN_BAR_PX} wide, half the lane high.
   */
  static Rectangle2D bar(double x0, double x1, double mid, double laneH) {
    double h = Math.max(6, laneH * 0.5);
    return new Rectangle2D(x0, mid - h / 2, Math.max(MIN_BAR_PX, x1 - x0), h);
  }

  /** Draws {@code lane}'s visible events; x of axis time t is {@code GUTTER + vp.x(t)}. */
  void paint(
      GraphicsContext g,
      LaneIndex lane,
      double mid,
      double laneH,
      double plotW,
      TimelineViewport vp,
      TimelineGaps gaps) {
    double msPerPx = vp.msPerPx();
    double fromReal = gaps.real(vp.startMs() - 6 * msPerPx);
    double toReal = gaps.real(vp.endMs() + 6 * msPerPx);
    int lo = lane.lowerBound(fromReal - lane.maxDurationMs());
    int hi = lane.lowerBound(toReal);
    if (hi - lo <= plotW / 3) {
      boolean numbers = hi - lo <= plotW / 24;
      // bars first, danger marks last: a failure is never hidden under a normal event
      for (int pass = 0; pass < 3; pass++) {
        for (int i = lo; i < hi; i++) {
          FlowEvent e = lane.event(i);
          int wanted = LaneIndex.isBar(e) ? 0 : LaneIndex.isDanger(e) ? 2 : 1;
          if (wanted == pass) {
            double x = TimelinePainter.GUTTER + vp.x(gaps.axis(lane.time(i)));
            if (pass == 0) {
              double end = lane.time(i) + LaneIndex.durationMs(e);
              spanBar(g, e, bar(x, TimelinePainter.GUTTER + vp.x(gaps.axis(end)), mid, laneH));
            } else {
              mark(g, e, x, mid, laneH, numbers);
            }
          }
        }
      }
      return;
    }
    density(g, lane, mid, laneH, plotW, vp, gaps);
  }

  private void density(
      GraphicsContext g,
      LaneIndex lane,
      double mid,
      double laneH,
      double plotW,
      TimelineViewport vp,
      TimelineGaps gaps) {
    int columns = (int) Math.ceil(plotW);
    if (counts.length < columns) {
      counts = new int[columns];
      failures = new int[columns];
      retries = new int[columns];
      bounds = new double[columns + 1];
    }
    for (int c = 0; c <= columns; c++) {
      bounds[c] = gaps.real(vp.startMs() + c * vp.msPerPx());
    }
    int max = lane.columns(bounds, columns, counts, failures, retries);
    double scale = Math.log1p(max);
    Color event = TimelinePalette.color(palette.event);
    Color retry = TimelinePalette.color(palette.retry);
    Color danger = TimelinePalette.color(palette.danger);
    for (int c = 0; c < columns; c++) {
      if (counts[c] == 0) {
        continue;
      }
      double bar = Math.max(3, (laneH - 8) * Math.log1p(counts[c]) / scale);
      g.setFill(failures[c] > 0 ? danger : retries[c] > 0 ? retry : event);
      g.fillRect(TimelinePainter.GUTTER + c, mid - bar / 2, 1, bar);
    }
  }

  private void spanBar(GraphicsContext g, FlowEvent e, Rectangle2D r) {
    Color c = TimelinePalette.color(LaneIndex.isDanger(e) ? palette.danger : palette.event);
    g.setFill(c.deriveColor(0, 1, 1, 0.45));
    g.fillRoundRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), 4, 4);
    g.setStroke(c);
    g.setLineWidth(1.5);
    g.strokeRoundRect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight(), 4, 4);
    g.setFill(c);
    g.fillRect(r.getMinX(), r.getMinY(), 2, r.getHeight()); // where it started
  }

  private void mark(GraphicsContext g, FlowEvent e, double x, double mid, double laneH, boolean n) {
    double r = Math.min(5, laneH / 5);
    if (e.deadLetter()) {
      g.setFill(TimelinePalette.color(palette.danger));
      g.fillRect(x - r, mid - r, 2 * r, 2 * r);
    } else if (LaneIndex.isDanger(e)) {
      g.setFill(TimelinePalette.color(palette.danger));
      g.fillPolygon(
          new double[] {x, x + r + 1, x, x - r - 1},
          new double[] {mid - r - 1, mid, mid + r + 1, mid},
          4);
    } else if (LaneIndex.isRetry(e)) {
      g.setStroke(TimelinePalette.color(palette.retry));
      g.setLineWidth(2);
      g.strokeOval(x - r, mid - r, 2 * r, 2 * r);
    } else {
      g.setFill(TimelinePalette.color(palette.event));
      g.fillRoundRect(x - 1.5, mid - laneH * 0.3, 3, laneH * 0.6, 3, 3);
    }
    if (n && e.attempt() != null && e.attempt() > 1) {
      g.setFill(TimelinePalette.color(palette.retry));
      g.setFont(SMALL);
      g.setTextAlign(TextAlignment.CENTER);
      g.setTextBaseline(VPos.BOTTOM);
      g.fillText("#" + e.attempt(), x, mid - r - 1);
      g.setTextBaseline(VPos.CENTER);
    }
  }
}
