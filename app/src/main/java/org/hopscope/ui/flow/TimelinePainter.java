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
import javafx.scene.text.TextAlignment;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopVerdict;

/**
 * Draws the timeline onto a canvas: axis (ticks per stretch between compressed breaks), lanes, the
 * breaks and the stuck marker ({@link TimelineOverlay}), and per lane only the visible events
 * ({@link TimelineMarks}). Work per frame is O(lanes * width * log n), never O(events).
 */
final class TimelinePainter {

  static final double GUTTER = 190;
  static final double AXIS = 28;

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Font LABEL = Font.font("System", FontWeight.BOLD, 12);
  private static final Font SMALL = Font.font("System", 11);
  private static final Font TITLE = Font.font("System", FontWeight.BOLD, 11);

  private final TimelinePalette palette;
  private final TimelineMarks marks;
  private final TimelineOverlay overlay;
  private Rectangle2D stuckLabel;
  private double axisInsetRight;
  private String stuckText;

  TimelinePainter(TimelinePalette palette) {
    this.palette = palette;
    this.marks = new TimelineMarks(palette);
    this.overlay = new TimelineOverlay(palette);
  }

  /** The width at the axis row's right end covered by controls (no ticks there). */
  void setAxisInsetRight(double px) {
    axisInsetRight = Math.max(0, px);
  }

  /** Where the last paint put the stuck label (canvas coordinates), or null when none. */
  Rectangle2D stuckLabel() {
    return stuckLabel;
  }

  /** The stuck label's text as last painted, or null. */
  String stuckText() {
    return stuckText;
  }

  static double laneHeight(double height, int lanes) {
    return lanes == 0 ? 0 : Math.max(20, Math.min(48, (height - AXIS - 4) / lanes));
  }

  /** Paints everything; {@code hover} and {@code selected} may be null. */
  void paint(
      GraphicsContext g,
      double w,
      double h,
      List<LaneIndex> lanes,
      TimelineViewport vp,
      TimelineGaps gaps,
      Instant asOf,
      String selectedHop,
      FlowEvent selected,
      FlowEvent hover) {
    Color bg = TimelinePalette.color(palette.background);
    g.setFill(bg);
    g.fillRect(0, 0, w, h);
    double laneH = laneHeight(h, lanes.size());
    double plotW = Math.max(1, w - GUTTER);
    vp.setWidth(plotW);
    for (int i = 0; i < lanes.size(); i++) {
      double y = AXIS + i * laneH;
      boolean sel = lanes.get(i).hop().equals(selectedHop);
      if (sel || i % 2 == 0) {
        g.setFill(TimelinePalette.color(sel ? palette.laneSelected : palette.lane));
        g.fillRect(0, y, w, laneH);
      }
    }
    double bottom = AXIS + lanes.size() * laneH;
    axis(g, w, bottom, vp, gaps);
    g.save();
    g.beginPath();
    g.rect(GUTTER, 0, plotW, h);
    g.clip();
    overlay.breaks(g, gaps, vp, AXIS, bottom);
    stuckLabel = null;
    stuckText = null;
    for (int i = 0; i < lanes.size(); i++) {
      LaneIndex lane = lanes.get(i);
      double mid = AXIS + i * laneH + laneH / 2;
      if (lane.unreadable()) {
        unreadable(g, mid);
        continue;
      }
      if (lane.verdict() == HopVerdict.STUCK && lane.size() > 0) {
        int last = lane.size() - 1;
        stuckText = TimelineOverlay.stuckText(Instant.ofEpochMilli(lane.time(last)), asOf);
        double from = GUTTER + vp.x(gaps.axis(lane.end(last)));
        List<double[]> breakX =
            gaps.breaks().stream().map(b -> TimelineOverlay.breakX(b, vp)).toList();
        stuckLabel = overlay.stuck(g, from, GUTTER, GUTTER + plotW, mid, stuckText, breakX);
      }
      marks.paint(g, lane, mid, laneH, plotW, vp, gaps);
    }
    if (selected != null) {
      marker(g, lanes, selected, laneH, vp, gaps, TimelinePalette.color(palette.selected), true);
    }
    if (hover != null && hover != selected) {
      marker(g, lanes, hover, laneH, vp, gaps, TimelinePalette.color(palette.text), false);
    }
    g.restore();
    gutter(g, lanes, laneH);
  }

  /** Ticks at round real times, per stretch between breaks (none inside or next to a break). */
  private void axis(
      GraphicsContext g, double w, double bottom, TimelineViewport vp, TimelineGaps gaps) {
    long step = vp.tickStepMs(110);
    DateTimeFormatter f = step >= 1_000 ? SECONDS : MILLIS;
    g.setStroke(TimelinePalette.color(palette.grid));
    g.setLineWidth(1);
    g.setFill(TimelinePalette.color(palette.muted));
    g.setFont(SMALL);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    List<TimelineGaps.Break> breaks = gaps.breaks();
    for (int s = 0; s <= breaks.size(); s++) {
      double from = Math.max(vp.startMs(), s == 0 ? vp.startMs() : breaks.get(s - 1).axisTo());
      double to = Math.min(vp.endMs(), s == breaks.size() ? vp.endMs() : breaks.get(s).axisFrom());
      if (from >= to) {
        continue;
      }
      double realTo = gaps.real(to);
      for (double t = Math.ceil(gaps.real(from) / step) * step; t <= realTo; t += step) {
        double x = Math.round(GUTTER + vp.x(gaps.axis(t))) + 0.5;
        if (x < GUTTER + 40 || x > w - 40 - axisInsetRight || nearBreak(x, gaps, vp)) {
          continue;
        }
        g.strokeLine(x, AXIS - 4, x, bottom);
        g.fillText(f.format(Instant.ofEpochMilli((long) t)), x, AXIS / 2 - 1);
      }
    }
    g.strokeLine(GUTTER, AXIS - 0.5, w, AXIS - 0.5);
  }

  /** Whether a tick at canvas x would crowd a break's printed gap (within 40 px of its edges). */
  private static boolean nearBreak(double x, TimelineGaps gaps, TimelineViewport vp) {
    for (TimelineGaps.Break b : gaps.breaks()) {
      double[] bx = TimelineOverlay.breakX(b, vp);
      double half = Math.max(40, (bx[1] - bx[0]) / 2 + 36);
      if (Math.abs(x - (bx[0] + bx[1]) / 2) < half) {
        return true;
      }
    }
    return false;
  }

  private void unreadable(GraphicsContext g, double mid) {
    g.setFill(TimelinePalette.color(palette.muted));
    g.setFont(SMALL);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText("could not be read: events unknown", GUTTER + 8, mid);
  }

  private void gutter(GraphicsContext g, List<LaneIndex> lanes, double laneH) {
    g.setFill(TimelinePalette.color(palette.background));
    g.fillRect(0, 0, GUTTER, AXIS);
    g.setFill(TimelinePalette.color(palette.muted));
    g.setFont(SMALL);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.setFont(TITLE);
    g.fillText("TIMELINE", 12, AXIS / 2 - 1);
    g.setFont(SMALL);
    g.fillText("UTC", 84, AXIS / 2 - 1);
    for (int i = 0; i < lanes.size(); i++) {
      LaneIndex lane = lanes.get(i);
      double mid = AXIS + i * laneH + laneH / 2;
      g.setFill(verdictColor(lane.verdict()));
      g.fillOval(12, mid - 4, 8, 8);
      g.setFill(TimelinePalette.color(palette.text));
      g.setFont(LABEL);
      g.fillText(lane.hop(), 28, mid - (laneH >= 34 ? 7 : 0));
      if (laneH >= 34) {
        g.setFill(TimelinePalette.color(palette.muted));
        g.setFont(SMALL);
        g.fillText(laneFacts(lane), 28, mid + 8);
      }
    }
    g.setStroke(TimelinePalette.color(palette.grid));
    g.strokeLine(GUTTER - 0.5, 0, GUTTER - 0.5, AXIS + lanes.size() * laneH);
  }

  /** The lane's second line: "12 events", "12 events · clock +4.0 s", "unreadable". */
  static String laneFacts(LaneIndex lane) {
    if (lane.unreadable()) {
      return "unreadable: events unknown";
    }
    String events = FlowFormat.events(lane.size());
    return lane.skewMs() == 0 ? events : events + " · clock " + SkewWords.signed(lane.skewMs());
  }

  private Color verdictColor(HopVerdict v) {
    return TimelinePalette.color(palette.of(v));
  }

  private static void marker(
      GraphicsContext g,
      List<LaneIndex> lanes,
      FlowEvent e,
      double laneH,
      TimelineViewport vp,
      TimelineGaps gaps,
      Color color,
      boolean line) {
    int lane = -1;
    for (int i = 0; i < lanes.size(); i++) {
      if (lanes.get(i).hop().equals(e.hop())) {
        lane = i;
      }
    }
    if (lane < 0) {
      return;
    }
    double x = GUTTER + vp.x(gaps.axis(lanes.get(lane).timeOf(e)));
    double mid = AXIS + lane * laneH + laneH / 2;
    g.setStroke(color);
    if (line) {
      g.setLineWidth(1);
      g.setLineDashes(4, 3);
      g.strokeLine(x, AXIS, x, AXIS + lanes.size() * laneH);
      g.setLineDashes(null);
    }
    g.setLineWidth(2);
    g.strokeOval(x - 8, mid - 8, 16, 16);
  }
}
