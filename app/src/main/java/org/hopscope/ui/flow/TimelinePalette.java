package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/**
 * The timeline's colours, read from hidden CSS swatches so the canvas follows the theme (dark or
 * light) and the verdict colours of {@code flow.css}. Add {@link #swatches()} to the scene graph.
 */
final class TimelinePalette {

  final Region background = swatch("swatch-bg");
  final Region lane = swatch("swatch-lane");
  final Region laneSelected = swatch("swatch-lane-selected");
  final Region grid = swatch("swatch-grid");
  final Region text = swatch("swatch-text");
  final Region muted = swatch("swatch-muted");
  final Region event = swatch("swatch-event");
  final Region retry = swatch("swatch-retry");
  final Region danger = swatch("swatch-danger");
  final Region ok = swatch("swatch-ok");
  final Region stuck = swatch("swatch-stuck");
  final Region selected = swatch("swatch-selected");
  private final List<Region> all =
      List.of(
          background,
          lane,
          laneSelected,
          grid,
          text,
          muted,
          event,
          retry,
          danger,
          ok,
          stuck,
          selected);

  List<Region> swatches() {
    return new ArrayList<>(all);
  }

  /** Makes sure CSS reached the swatches (a draw may run before the first CSS pass). */
  void ensureStyled() {
    for (Region r : all) {
      if (r.getBackground() == null && r.getScene() != null) {
        r.applyCss();
      }
    }
  }

  static Color color(Region swatch) {
    Background bg = swatch.getBackground();
    if (bg == null || bg.getFills().isEmpty()) {
      return Color.GRAY;
    }
    Paint p = bg.getFills().get(0).getFill();
    return p instanceof Color c ? c : Color.GRAY;
  }

  private static Region swatch(String styleClass) {
    Region r = new Region();
    r.getStyleClass().add(styleClass);
    r.setManaged(false);
    r.setVisible(false);
    return r;
  }
}
