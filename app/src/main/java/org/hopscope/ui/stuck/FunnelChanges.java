package org.hopscope.ui.stuck;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckComparison.FigureChange;
import org.hopscope.model.StuckComparison.HopChange;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "what changed" marks in the funnel: under each count its change against the baseline ({@code
 * funnel-<hop>-<count>-delta}), under the hop name "moved most" ({@code funnel-moved}) or why the
 * hop is not compared ({@code funnel-<hop>-change}: no data before, baseline unavailable, unknown).
 * The words are the model's.
 */
final class FunnelChanges {

  private FunnelChanges() {}

  /** The change of one count; a figure that moved enough to mark a hop is highlighted. */
  static Label delta(int hop, String count, FigureChange f, StuckComparison c) {
    Label l = new Label(f.delta());
    l.setId("funnel-" + hop + "-" + count + "-delta");
    l.getStyleClass().add("funnel-delta");
    l.setMinWidth(javafx.scene.control.Label.USE_PREF_SIZE);
    if (f.change() == StuckComparison.Change.NEW || f.change() == StuckComparison.Change.CHANGED) {
      l.getStyleClass()
          .add(StuckComparison.moved(f) > 0 ? "funnel-delta-moved" : "funnel-delta-small");
    } else {
      l.getStyleClass().add("funnel-delta-none");
    }
    Tooltip.install(l, new Tooltip(tip(f, c)));
    return l;
  }

  /** "left/min: 10.0 before, 0.8 now (-92 %) vs the previous 50 min". */
  static String tip(FigureChange f, StuckComparison c) {
    String before = f.before() == null ? "unavailable" : c.rate(f.before());
    String now = f.now() == null ? "unknown" : c.rate(f.now());
    return f.label()
        + ": "
        + before
        + " before, "
        + now
        + " now ("
        + f.delta()
        + ") vs "
        + c.baselineWords();
  }

  /** Under the hop name: "moved most", why it is not compared, or null. */
  static Node hopLine(int index, HopChange hop, StuckComparison c) {
    if (hop.hop().equals(c.marked())) {
      FigureChange f = c.markedFigure() == null ? null : hop.figure(c.markedFigure());
      boolean down = f != null && f.now() != null && f.before() != null && f.now() < f.before();
      Label moved =
          new Label("moved most", new FontIcon(down ? Feather.TRENDING_DOWN : Feather.TRENDING_UP));
      moved.setId("funnel-moved");
      moved.getStyleClass().add("funnel-moved-badge");
      moved.setMinWidth(Label.USE_PREF_SIZE);
      Tooltip.install(moved, new Tooltip(c.headline()));
      return moved;
    }
    if (hop.compared()) {
      return null;
    }
    Label why = new Label(hop.change().words(), new FontIcon(Feather.MINUS_CIRCLE));
    why.setId("funnel-" + index + "-change");
    why.getStyleClass().add("funnel-change-none");
    why.setMinWidth(Label.USE_PREF_SIZE);
    why.setAlignment(Pos.CENTER_LEFT);
    Tooltip.install(
        why,
        new Tooltip(
            hop.hop()
                + ": "
                + hop.change().words()
                + " ("
                + c.baselineWords()
                + ")"
                + (c.unavailable() == null ? "" : "\n" + c.unavailable())));
    return why;
  }
}
