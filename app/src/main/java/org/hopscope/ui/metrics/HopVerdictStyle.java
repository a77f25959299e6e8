package org.hopscope.ui.metrics;

import org.hopscope.model.HopVerdict;

/**
 * How a hop verdict looks in the metrics view: the one place mapping verdicts to colours (style
 * classes defined in {@code metrics.css} from AtlantaFX looked-up colours).
 */
enum HopVerdictStyle {
  HEALTHY("verdict-healthy"),
  BROKEN("verdict-broken"),
  HELD_UP("verdict-held-up"),
  MOVING("verdict-moving"),
  UNSEEN("verdict-unseen");

  /** The style class of every verdict badge. */
  static final String BADGE = "verdict-badge";

  final String styleClass;

  HopVerdictStyle(String styleClass) {
    this.styleClass = styleClass;
  }

  /** OK is healthy; ERROR and DEAD_LETTERED broken; STUCK and SLOW held up; IN_FLIGHT moving. */
  static HopVerdictStyle of(HopVerdict verdict) {
    switch (verdict) {
      case OK:
        return HEALTHY;
      case ERROR:
      case DEAD_LETTERED:
        return BROKEN;
      case STUCK:
      case SLOW:
        return HELD_UP;
      case IN_FLIGHT:
        return MOVING;
      default:
        return UNSEEN;
    }
  }

  /** Every style class this enum sets (to remove the old one before adding a new one). */
  static String[] all() {
    HopVerdictStyle[] v = values();
    String[] out = new String[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i].styleClass;
    }
    return out;
  }
}
