package org.hopscope.ui.flow;

import org.hopscope.model.FlowEvent;

/**
 * What the pointer is over on a timeline: the event it hovers (drawn highlighted) or, between
 * events, the compressed break, either shown on the hover card; and what a click there selects.
 */
final class TimelinePointer {

  private final TimelineCanvas timeline;
  private final FlowSelection selection;
  private final TimelineHover hoverCard;
  private FlowEvent hover;
  private TimelineGaps.Break hoverBreak;

  TimelinePointer(TimelineCanvas timeline, FlowSelection selection, TimelineHover hoverCard) {
    this.timeline = timeline;
    this.selection = selection;
    this.hoverCard = hoverCard;
  }

  /** The hovered event, or null. */
  FlowEvent hovered() {
    return hover;
  }

  /** Forgets the hovered event and hides the card (another flow is shown). */
  void clear() {
    hover = null;
    hoverCard.setVisible(false);
  }

  /** The pointer at (x, y): the hover card shows the event or the break there, or hides. */
  void hoverAt(double x, double y) {
    FlowEvent hit = eventAt(x, y);
    setHover(hit, x, y);
    if (hit == null) {
      hoverBreak(timeline.hits().breakAt(x, y), x, y);
    }
  }

  private void hoverBreak(TimelineGaps.Break b, double x, double y) {
    if (b != hoverBreak) {
      hoverBreak = b;
      if (b == null) {
        hoverCard.setVisible(false);
      } else {
        hoverCard.showText(b.label() + " compressed", b.hoverText());
      }
    }
    if (b != null) {
      hoverCard.place(x, y, timeline.getWidth(), timeline.getHeight());
    }
  }

  /** A click at (x, y): selects the event there, else the lane's hop. */
  void clickAt(double x, double y) {
    FlowEvent hit = eventAt(x, y);
    if (hit != null) {
      selection.select(hit);
    } else {
      int lane = timeline.hits().laneAt(y);
      if (lane >= 0) {
        selection.select(null);
        selection.hopProperty().set(timeline.lanes().get(lane).hop());
      }
    }
  }

  /** The event under (x, y) in canvas coordinates, or null. */
  private FlowEvent eventAt(double x, double y) {
    return timeline.hits().eventAt(x, y);
  }

  /** Hovers {@code e} (null: nothing) with the pointer at (x, y). */
  void setHover(FlowEvent e, double x, double y) {
    if (e != hover) {
      hover = e;
      hoverBreak = null;
      LaneIndex lane = e == null ? null : timeline.laneOf(e);
      hoverCard.show(e, lane == null ? 0 : lane.skewMs());
      timeline.requestRedraw();
    }
    if (e != null) {
      hoverCard.place(x, y, timeline.getWidth(), timeline.getHeight());
    }
  }
}
