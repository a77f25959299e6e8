package org.hopscope.ui.flow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopVerdict;

/**
 * Draws the timeline onto a canvas: axis, lanes, and per lane only the visible events: one mark per
 * event while they are fewer than the pixels, else one density bar per pixel column. Work per frame
 * is O(lanes * width * log n), never O(events).
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

  private final TimelinePalette palette;
  private int[] counts = new int[0];
  private int[] failures = new int[0];
  private int[] retries = new int[0];

  TimelinePainter(TimelinePalette palette) {
    this.palette = palette;
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
    axis(g, w, AXIS + lanes.size() * laneH, vp);
    g.save();
    g.beginPath();
    g.rect(GUTTER, 0, plotW, h);
    g.clip();
    for (int i = 0; i < lanes.size(); i++) {
      marks(g, lanes.get(i), AXIS + i * laneH, laneH, plotW, vp);
    }
    if (selected != null) {
      marker(g, lanes, selected, laneH, vp, TimelinePalette.color(palette.selected), true);
    }
    if (hover != null && hover != selected) {
      marker(g, lanes, hover, laneH, vp, TimelinePalette.color(palette.text), false);
    }
    g.restore();
    gutter(g, lanes, laneH);
  }

  private void axis(GraphicsContext g, double w, double bottom, TimelineViewport vp) {
    long step = vp.tickStepMs(110);
    DateTimeFormatter f = step >= 1_000 ? SECONDS : MILLIS;
    g.setStroke(TimelinePalette.color(palette.grid));
    g.setLineWidth(1);
    g.setFill(TimelinePalette.color(palette.muted));
    g.setFont(SMALL);
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.CENTER);
    double first = Math.ceil(vp.startMs() / step) * step;
    for (double t = first; t <= vp.endMs(); t += step) {
      double x = Math.round(GUTTER + vp.x(t)) + 0.5;
      if (x < GUTTER + 30 || x > w - 30) {
        continue;
      }
      g.strokeLine(x, AXIS - 4, x, bottom);
      g.fillText(f.format(Instant.ofEpochMilli((long) t)), x, AXIS / 2 - 1);
    }
    g.strokeLine(GUTTER, AXIS - 0.5, w, AXIS - 0.5);
  }

  private void gutter(GraphicsContext g, List<LaneIndex> lanes, double laneH) {
    g.setFill(TimelinePalette.color(palette.background));
    g.fillRect(0, 0, GUTTER, AXIS);
    g.setFill(TimelinePalette.color(palette.muted));
    g.setFont(SMALL);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText("UTC", 12, AXIS / 2 - 1);
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

  private void marks(
      GraphicsContext g,
      LaneIndex lane,
      double y,
      double laneH,
      double plotW,
      TimelineViewport vp) {
    double msPerPx = vp.msPerPx();
    int lo = lane.lowerBound(vp.startMs() - 6 * msPerPx);
    int hi = lane.lowerBound(vp.endMs() + 6 * msPerPx);
    double mid = y + laneH / 2;
    if (lane.unreadable()) {
      g.setFill(TimelinePalette.color(palette.muted));
      g.setFont(SMALL);
      g.setTextAlign(TextAlignment.LEFT);
      g.setTextBaseline(VPos.CENTER);
      g.fillText("could not be read: events unknown", GUTTER + 8, mid);
      return;
    }
    if (lane.verdict() == HopVerdict.STUCK && lane.size() > 0) {
      stuckTail(g, GUTTER + vp.x(lane.time(lane.size() - 1)), GUTTER + plotW, mid);
    }
    if (hi - lo <= plotW / 3) {
      boolean numbers = hi - lo <= plotW / 24;
      // danger marks last, so that a failure is never hidden under a normal event
      for (int pass = 0; pass < 2; pass++) {
        for (int i = lo; i < hi; i++) {
          FlowEvent e = lane.event(i);
          if (LaneIndex.isDanger(e) == (pass == 1)) {
            mark(g, e, GUTTER + vp.x(lane.time(i)), mid, laneH, numbers);
          }
        }
      }
      return;
    }
    int columns = (int) Math.ceil(plotW);
    if (counts.length < columns) {
      counts = new int[columns];
      failures = new int[columns];
      retries = new int[columns];
    }
    int max = lane.columns(vp.startMs(), msPerPx, columns, counts, failures, retries);
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
      g.fillRect(GUTTER + c, mid - bar / 2, 1, bar);
    }
  }

  /** From the last event of a stuck hop onwards: a dashed danger line labelled "stuck". */
  private void stuckTail(GraphicsContext g, double from, double to, double mid) {
    if (from >= to) {
      return;
    }
    Color stuck = TimelinePalette.color(palette.stuck);
    g.setStroke(stuck);
    g.setLineWidth(2);
    g.setLineDashes(6, 4);
    g.strokeLine(Math.max(GUTTER, from + 6), mid, to, mid);
    g.setLineDashes(null);
    g.setFill(stuck);
    g.setFont(LABEL);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.BOTTOM);
    g.fillText("stuck", Math.max(GUTTER + 4, from + 10), mid - 3);
    g.setTextBaseline(VPos.CENTER);
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

  private static void marker(
      GraphicsContext g,
      List<LaneIndex> lanes,
      FlowEvent e,
      double laneH,
      TimelineViewport vp,
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
    double x = GUTTER + vp.x(lanes.get(lane).timeOf(e));
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
