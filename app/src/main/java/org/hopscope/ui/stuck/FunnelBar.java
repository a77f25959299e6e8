package org.hopscope.ui.stuck;

import javafx.geometry.Insets;
import javafx.scene.layout.Region;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.ui.look.VerdictLook;

/**
 * One hop's bar in the funnel: its length is the hop's entered count against the busiest hop's;
 * inside, the parts that left, got stuck, failed, were dead-lettered, and the rest (in flight).
 * Trouble parts keep a visible minimum width so a handful among thousands still shows.
 */
final class FunnelBar extends Region {

  private static final double MIN_TROUBLE_PX = 4;

  private final Region track = part("funnel-track");
  private final Region left = part("funnel-left");
  private final Region stuck = part("funnel-stuck", HopVerdict.STUCK);
  private final Region failed = part("funnel-failed", HopVerdict.ERROR);
  private final Region dead = part("funnel-dead-lettered", HopVerdict.DEAD_LETTERED);
  private final Region rest = part("funnel-rest");
  private final HopCounts counts;
  private final long max;

  FunnelBar(HopCounts counts, long max) {
    this.counts = counts;
    this.max = Math.max(1, max);
    getStyleClass().add("funnel-bar");
    getChildren().addAll(track, left, stuck, failed, dead, rest);
    setMinWidth(120);
    setPrefHeight(18);
    setMinHeight(18);
  }

  private static Region part(String styleClass, HopVerdict v) {
    Region r = part(styleClass);
    r.getStyleClass().addAll(VerdictLook.styleClass(v), VerdictLook.AREA);
    return r;
  }

  private static Region part(String styleClass) {
    Region r = new Region();
    r.getStyleClass().add(styleClass);
    r.setManaged(false);
    return r;
  }

  @Override
  protected void layoutChildren() {
    Insets in = getInsets();
    double x0 = in.getLeft();
    double y = in.getTop();
    double w = getWidth() - in.getLeft() - in.getRight();
    double h = getHeight() - in.getTop() - in.getBottom();
    track.resizeRelocate(x0, y, w, h);
    double total = w * counts.entered() / max;
    long entered = Math.max(1, counts.entered());
    double s = trouble(counts.stuck(), entered, total);
    double f = trouble(counts.failed(), entered, total);
    double d = trouble(counts.deadLettered(), entered, total);
    long leftCount = Math.min(counts.left(), Math.max(0, counts.entered() - troubleCount()));
    double l = Math.min(total - s - f - d, total * leftCount / entered);
    l = Math.max(0, l);
    double r = Math.max(0, total - l - s - f - d);
    double x = x0;
    x = place(left, x, y, l, h);
    x = place(stuck, x, y, s, h);
    x = place(failed, x, y, f, h);
    x = place(dead, x, y, d, h);
    place(rest, x, y, r, h);
  }

  private long troubleCount() {
    return counts.stuck() + counts.failed() + counts.deadLettered();
  }

  private static double trouble(long n, long entered, double total) {
    if (n == 0 || total <= 0) {
      return 0;
    }
    return Math.max(MIN_TROUBLE_PX, total * n / entered);
  }

  private static double place(Region part, double x, double y, double w, double h) {
    part.setVisible(w > 0);
    part.resizeRelocate(Math.round(x), y, Math.round(x + w) - Math.round(x), h);
    return x + w;
  }
}
