package org.hopscope.ui.flow;

import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Region;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopVerdict;
import org.hopscope.ui.look.VerdictLook;

/**
 * The flow on a time axis (id {@code flow-timeline}): one lane per hop, each span with a duration a
 * bar, any other event a mark, long quiet stretches compressed into marked breaks ({@link
 * TimelineGaps}; hover shows the real gap), a stuck hop's marker labelled in view; zoom with the
 * wheel or a pinch around the pointer, pan by dragging, double-click fits the flow, hover shows the
 * event, click selects it. Drawn on a {@link Canvas}, at most once per pulse.
 */
public final class TimelineCanvas extends Region {

  private final FlowSelection selection;
  private final Canvas canvas = new Canvas();
  private final TimelinePalette palette = new TimelinePalette();
  private final TimelinePainter painter = new TimelinePainter(palette);
  private final TimelineViewport viewport = new TimelineViewport();
  private final TimelineHover hoverCard = new TimelineHover();
  private final TimelinePointer pointer;
  private final ReadOnlyObjectWrapper<Flow> drawnFlow = new ReadOnlyObjectWrapper<>(this, "drawn");
  private final Runnable pulse = this::onPulse;
  private final javafx.beans.property.DoubleProperty axisInsetRight =
      new javafx.beans.property.SimpleDoubleProperty(this, "axisInsetRight");
  private List<LaneIndex> lanes = List.of();
  private TimelineGaps gaps = TimelineGaps.none();
  private Instant asOf;
  private Flow flow;
  private boolean dirty;
  private LongConsumer drawListener = nanos -> {};

  public TimelineCanvas(FlowSelection selection) {
    this.selection = selection;
    this.pointer = new TimelinePointer(this, selection, hoverCard);
    setId("flow-timeline");
    getStyleClass().addAll("flow-timeline", "hopscope-flow");
    getStylesheets().addAll(FlowView.STYLESHEET, VerdictLook.STYLESHEET);
    getChildren().add(canvas);
    getChildren().addAll(palette.swatches());
    getChildren().add(hoverCard);
    setMinHeight(80);
    sceneProperty()
        .addListener(
            (o, old, scene) -> {
              if (old != null) {
                old.removePreLayoutPulseListener(pulse);
              }
              if (scene != null) {
                scene.addPreLayoutPulseListener(pulse);
                requestRedraw();
              }
            });
    palette.event.backgroundProperty().addListener((o, a, b) -> requestRedraw());
    axisInsetRight.addListener((o, a, b) -> requestRedraw());
    selection.hopProperty().addListener((o, a, b) -> requestRedraw());
    selection.eventProperty().addListener((o, a, e) -> reveal(e));
    TimelineMouse.attach(this, canvas);
  }

  /** Shows {@code f} (null clears): builds the lanes (O(n log n)) and fits the flow's span. */
  public void setFlow(Flow f) {
    flow = f;
    pointer.clear();
    drawnFlow.set(null);
    lanes = f == null ? List.of() : f.hops().stream().map(LaneIndex::of).toList();
    gaps = TimelineGaps.of(lanes);
    asOf = f == null || f.basis() == null ? null : f.basis().asOf();
    fit();
  }

  /**
   * Fits the whole flow (every span to its end, breaks compressed) into view, with room on the
   * right for the "stuck" marker and its label when a hop is stuck.
   */
  public void fit() {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (LaneIndex lane : lanes) {
      for (int i = 0; i < lane.size(); i++) {
        from = Math.min(from, lane.time(i));
        to = Math.max(to, lane.end(i));
      }
    }
    boolean stuck = lanes.stream().anyMatch(l -> l.verdict() == HopVerdict.STUCK);
    if (from <= to) {
      viewport.fit(
          Math.round(gaps.axis(from)), Math.round(gaps.axis(to)), 0.04, stuck ? 0.3 : 0.04);
    }
    requestRedraw();
  }

  /** The compressed quiet stretches of the shown flow. */
  public TimelineGaps gaps() {
    return gaps;
  }

  /** The visible range (for the bench and tests; change it only through zoom/pan). */
  public TimelineViewport viewport() {
    return viewport;
  }

  /** Zooms by {@code factor} (&gt;1 in) around plot x {@code anchorX}. */
  public void zoom(double anchorX, double factor) {
    viewport.zoom(anchorX, factor);
    requestRedraw();
  }

  public void pan(double dxPx) {
    viewport.pan(dxPx);
    requestRedraw();
  }

  /** The flow the canvas last drew completely (null until drawn; reset by setFlow). */
  public ReadOnlyObjectProperty<Flow> drawnFlowProperty() {
    return drawnFlow.getReadOnlyProperty();
  }

  /** Receives the nanoseconds each redraw took (for the bench). */
  public void setDrawListener(LongConsumer listener) {
    drawListener = listener == null ? nanos -> {} : listener;
  }

  /**
   * Asks for a redraw in the next pulse (or in the current one, when asked from an animation
   * timer): the canvas draws in its scene's pre-layout pulse listener, so any number of requests
   * between two frames draw once.
   */
  public void requestRedraw() {
    if (!dirty) {
      dirty = true;
      Platform.requestNextPulse();
    }
  }

  private void onPulse() {
    if (dirty) {
      draw();
    }
  }

  @Override
  protected void layoutChildren() {
    double w = snapSizeX(getWidth());
    double h = snapSizeY(getHeight());
    if (canvas.getWidth() != w || canvas.getHeight() != h) {
      canvas.setWidth(w);
      canvas.setHeight(h);
      requestRedraw();
    }
    hoverCard.autosize();
  }

  /** A lane's height when the timeline gets the height it asks for. */
  static final double LANE_PX = 20;

  /** The width at the right end of the axis row covered by controls: no ticks are drawn there. */
  public javafx.beans.property.DoubleProperty axisInsetRightProperty() {
    return axisInsetRight;
  }

  @Override
  protected double computePrefHeight(double width) {
    return wantedHeight();
  }

  /** A lane's height when there is room. */
  static final double ROOMY_LANE_PX = 32;

  /** The height the lanes need at {@link #LANE_PX} each, with the axis. */
  public double wantedHeight() {
    return wantedHeight(LANE_PX);
  }

  /** The height the lanes need at {@code lanePx} each, with the axis. */
  public double wantedHeight(double lanePx) {
    return TimelinePainter.AXIS + Math.max(1, lanes.size()) * lanePx + 4;
  }

  /** How many lanes (hops) the timeline shows. */
  public int laneCount() {
    return lanes.size();
  }

  private void draw() {
    dirty = false;
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    if (w < 1 || h < 1 || getScene() == null) {
      return;
    }
    long t0 = System.nanoTime();
    palette.ensureStyled();
    painter.setAxisInsetRight(axisInsetRight.get());
    painter.paint(
        canvas.getGraphicsContext2D(),
        w,
        h,
        lanes,
        viewport,
        gaps,
        asOf,
        selection.hopProperty().get(),
        selection.eventProperty().get(),
        pointer.hovered());
    drawListener.accept(System.nanoTime() - t0);
    if (drawnFlow.get() != flow) {
      drawnFlow.set(flow);
    }
  }

  private void reveal(FlowEvent e) {
    LaneIndex lane = e == null ? null : laneOf(e);
    if (lane != null) {
      double t = gaps.axis(lane.timeOf(e));
      if (t < viewport.startMs() || t > viewport.endMs()) {
        viewport.pan(viewport.x(viewport.startMs() + viewport.spanMs() / 2) - viewport.x(t));
      }
    }
    requestRedraw();
  }

  /** The pointer at (x, y): the hover card shows the event or the break there, or hides. */
  void hoverAt(double x, double y) {
    pointer.hoverAt(x, y);
  }

  /** A click at (x, y): selects the event there, else the lane's hop. */
  void clickAt(double x, double y) {
    pointer.clickAt(x, y);
  }

  /** The lanes shown, one per hop. */
  List<LaneIndex> lanes() {
    return lanes;
  }

  TimelineHits hits() {
    return new TimelineHits(lanes, gaps, viewport, canvas.getHeight());
  }

  /** Where {@code e}'s mark (its start) is drawn, in this region's coordinates, or null. */
  public Point2D markOf(FlowEvent e) {
    return hits().markOf(e);
  }

  /** Where {@code e}'s bar is drawn (a span with a duration), or null. */
  public Rectangle2D barOf(FlowEvent e) {
    return hits().barOf(e);
  }

  /** Where a break is drawn: from x, 0 to its right edge, the bottom of the lanes. */
  public Rectangle2D breakBounds(TimelineGaps.Break b) {
    double[] x = TimelineOverlay.breakX(b, viewport);
    double laneH = TimelinePainter.laneHeight(canvas.getHeight(), lanes.size());
    return new Rectangle2D(x[0], 0, x[1] - x[0], TimelinePainter.AXIS + lanes.size() * laneH);
  }

  /** Where the last drawing put the stuck label, or null when no hop is stuck. */
  public Rectangle2D stuckLabelBounds() {
    return painter.stuckLabel();
  }

  /** The stuck label's text as last drawn ("stuck since ..."), or null. */
  public String stuckText() {
    return painter.stuckText();
  }

  /** The text the hover card shows (title and message), "" while hidden. */
  public String hoverText() {
    return hoverCard.isVisible() ? hoverCard.text() : "";
  }

  LaneIndex laneOf(FlowEvent e) {
    for (LaneIndex lane : lanes) {
      if (lane.hop().equals(e.hop())) {
        return lane;
      }
    }
    return null;
  }

  void setHover(FlowEvent e, double x, double y) {
    pointer.setHover(e, x, y);
  }
}
