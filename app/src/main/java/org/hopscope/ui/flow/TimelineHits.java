package org.hopscope.ui.flow;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.hopscope.model.FlowEvent;

/**
 * Where things are on the timeline, as drawn for lanes, breaks and a viewport on a canvas of a
 * height: the lane at a y, the event or break under a point, an event's mark or bar. Pure geometry
 * (the painter draws by the same numbers), so clicks select what is drawn there.
 */
final class TimelineHits {

  /** How close (px) the pointer must be to a mark or bar to hit it. */
  static final double HOVER_PX = 6;

  private final List<LaneIndex> lanes;
  private final TimelineGaps gaps;
  private final TimelineViewport vp;
  private final double laneH;

  TimelineHits(List<LaneIndex> lanes, TimelineGaps gaps, TimelineViewport vp, double height) {
    this.lanes = lanes;
    this.gaps = gaps;
    this.vp = vp;
    this.laneH = TimelinePainter.laneHeight(height, lanes.size());
  }

  /** The lane index at canvas y, or -1. */
  int laneAt(double y) {
    int lane = (int) Math.floor((y - TimelinePainter.AXIS) / laneH);
    return y < TimelinePainter.AXIS || lane >= lanes.size() ? -1 : lane;
  }

  private double mid(int lane) {
    return TimelinePainter.AXIS + lane * laneH + laneH / 2;
  }

  private double x(double realMs) {
    return TimelinePainter.GUTTER + vp.x(gaps.axis(realMs));
  }

  /** The event under (x, y): a mark within {@link #HOVER_PX}, else a bar there; or null. */
  FlowEvent eventAt(double x, double y) {
    int lane = laneAt(y);
    if (lane < 0 || x < TimelinePainter.GUTTER) {
      return null;
    }
    LaneIndex l = lanes.get(lane);
    double t = gaps.real(vp.time(x - TimelinePainter.GUTTER));
    double tolerance = HOVER_PX * vp.msPerPx();
    int i = l.nearest(t, tolerance);
    if (i < 0) {
      i = l.covering(t, tolerance);
      // a bar narrower than its minimum width is hit across its drawn width too
      if (i < 0) {
        int j = l.nearest(t, (TimelineMarks.MIN_BAR_PX + HOVER_PX) * vp.msPerPx());
        i = j >= 0 && LaneIndex.isBar(l.event(j)) && l.time(j) <= t ? j : -1;
      }
    }
    return i < 0 ? null : l.event(i);
  }

  /** The break under canvas x (inside the lanes or the axis row), or null. */
  TimelineGaps.Break breakAt(double x, double y) {
    if (x < TimelinePainter.GUTTER || y > TimelinePainter.AXIS + lanes.size() * laneH) {
      return null;
    }
    return gaps.breakAt(vp.time(x - TimelinePainter.GUTTER));
  }

  /** Where {@code e}'s mark (its start) is drawn, or null when it is in no lane. */
  Point2D markOf(FlowEvent e) {
    for (int i = 0; i < lanes.size(); i++) {
      if (lanes.get(i).indexOf(e) >= 0) {
        return new Point2D(x(lanes.get(i).timeOf(e)), mid(i));
      }
    }
    return null;
  }

  /** Where {@code e}'s bar is drawn, or null when it is no bar or in no lane. */
  Rectangle2D barOf(FlowEvent e) {
    if (!LaneIndex.isBar(e)) {
      return null;
    }
    for (int i = 0; i < lanes.size(); i++) {
      LaneIndex lane = lanes.get(i);
      if (lane.indexOf(e) >= 0) {
        double start = lane.timeOf(e);
        return TimelineMarks.bar(x(start), x(start + LaneIndex.durationMs(e)), mid(i), laneH);
      }
    }
    return null;
  }
}
