package org.hopscope.ui.flow;

import java.util.List;

/** Moving the hop selection with the arrow keys: pure logic shared by the diagram and the view. */
public final class HopNavigation {

  private HopNavigation() {}

  /**
   * The hop {@code delta} steps from {@code current} in {@code hops}, clamped to the ends; the
   * first hop (delta &gt; 0) or the last (delta &lt; 0) when nothing is selected; null without
   * hops.
   */
  public static String next(List<String> hops, String current, int delta) {
    if (hops.isEmpty()) {
      return null;
    }
    int i = current == null ? -1 : hops.indexOf(current);
    if (i < 0) {
      return delta >= 0 ? hops.get(0) : hops.get(hops.size() - 1);
    }
    return hops.get(Math.max(0, Math.min(hops.size() - 1, i + delta)));
  }
}
