package org.hopscope.ui.flow;

import javafx.scene.canvas.Canvas;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * The timeline's pointer gestures: the wheel zooms around the pointer (a horizontal or shifted
 * wheel pans), a pinch zooms, dragging pans, a double-click fits, a click selects, moving hovers.
 */
final class TimelineMouse {

  private final TimelineCanvas timeline;
  private double pressX;
  private double lastDragX;
  private boolean dragged;

  private TimelineMouse(TimelineCanvas timeline) {
    this.timeline = timeline;
  }

  /** Handles the gestures on {@code surface}, the canvas {@code timeline} draws on. */
  static void attach(TimelineCanvas timeline, Canvas surface) {
    TimelineMouse m = new TimelineMouse(timeline);
    surface.setOnScroll(m::onScroll);
    surface.setOnZoom(m::onZoom);
    surface.setOnMousePressed(m::onPressed);
    surface.setOnMouseDragged(m::onDragged);
    surface.setOnMouseMoved(e -> timeline.hoverAt(e.getX(), e.getY()));
    surface.setOnMouseExited(e -> timeline.setHover(null, 0, 0));
    surface.setOnMouseClicked(m::onClicked);
  }

  private void onScroll(ScrollEvent e) {
    double x = e.getX() - TimelinePainter.GUTTER;
    if (e.isShiftDown() || Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY())) {
      timeline.pan(e.isShiftDown() ? e.getDeltaY() : e.getDeltaX());
    } else if (e.getDeltaY() != 0) {
      timeline.zoom(Math.max(0, x), Math.pow(1.0025, e.getDeltaY()));
    }
    e.consume();
  }

  private void onZoom(ZoomEvent e) {
    timeline.zoom(Math.max(0, e.getX() - TimelinePainter.GUTTER), e.getZoomFactor());
    e.consume();
  }

  private void onPressed(MouseEvent e) {
    pressX = e.getX();
    lastDragX = e.getX();
    dragged = false;
  }

  private void onDragged(MouseEvent e) {
    if (Math.abs(e.getX() - pressX) > 3) {
      dragged = true;
    }
    timeline.pan(e.getX() - lastDragX);
    lastDragX = e.getX();
    timeline.setHover(null, 0, 0);
  }

  private void onClicked(MouseEvent e) {
    if (dragged || e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    if (e.getClickCount() == 2) {
      timeline.fit();
    } else {
      timeline.clickAt(e.getX(), e.getY());
    }
  }
}
