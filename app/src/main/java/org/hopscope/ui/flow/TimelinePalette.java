package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.hopscope.model.HopVerdict;
import org.hopscope.ui.look.VerdictLook;

/**
 * The timeline's colours, read from hidden CSS swatches so the canvas follows the theme (dark or
 * light) and the verdict colours of {@link VerdictLook#STYLESHEET}. Add {@link #swatches()} to the
 * scene graph.
 */
final class TimelinePalette {

  final Region background = swatch("swatch-bg");
  final Region lane = swatch("swatch-lane");
  final Region laneSelected = swatch("swatch-lane-selected");
  final Region grid = swatch("swatch-grid");
  final Region text = swatch("swatch-text");
  final Region muted = swatch("swatch-muted");
  final Region event = swatch("swatch-event");
  private final Map<HopVerdict, Region> verdicts = verdictSwatches();
  final Region retry = verdicts.get(HopVerdict.SLOW);
  final Region danger = verdicts.get(HopVerdict.ERROR);
  final Region stuck = verdicts.get(HopVerdict.STUCK);
  final Region selected = swatch("swatch-selected");
  private final List<Region> all = new ArrayList<>();

  TimelinePalette() {
    all.addAll(List.of(background, lane, laneSelected, grid, text, muted, event, selected));
    all.addAll(verdicts.values());
  }

  List<Region> swatches() {
    return new ArrayList<>(all);
  }

  Region of(HopVerdict v) {
    return verdicts.get(v);
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

  /** One swatch per verdict, filled with the verdict's colour. */
  private static Map<HopVerdict, Region> verdictSwatches() {
    Map<HopVerdict, Region> m = new EnumMap<>(HopVerdict.class);
    for (HopVerdict v : HopVerdict.values()) {
      Region r = swatch(VerdictLook.FILL);
      r.getStyleClass().add(VerdictLook.styleClass(v));
      m.put(v, r);
    }
    return m;
  }

  private static Region swatch(String styleClass) {
    Region r = new Region();
    r.getStyleClass().add(styleClass);
    r.setManaged(false);
    r.setVisible(false);
    return r;
  }
}
