package org.hopscope.ui.window;

import org.hopscope.model.HopVerdict;

/**
 * The one place that says how a verdict looks in the window view: its name in words and its style
 * class (colours in {@code window.css}: stuck and dead-lettered in danger colours, failed in
 * warning, slow in attention).
 */
enum VerdictStyle {
  STUCK("Stuck", "verdict-stuck"),
  FAILED("Failed", "verdict-failed"),
  DEAD_LETTERED("Dead-lettered", "verdict-dead-lettered"),
  SLOW("Slow", "verdict-slow"),
  OTHER("Other", "verdict-other");

  /** All style classes, to clear a reused cell. */
  static final String[] CLASSES = {
    "verdict-stuck", "verdict-failed", "verdict-dead-lettered", "verdict-slow", "verdict-other"
  };

  private final String words;
  private final String styleClass;

  VerdictStyle(String words, String styleClass) {
    this.words = words;
    this.styleClass = styleClass;
  }

  static VerdictStyle of(HopVerdict verdict) {
    switch (verdict) {
      case STUCK:
        return STUCK;
      case ERROR:
        return FAILED;
      case DEAD_LETTERED:
        return DEAD_LETTERED;
      case SLOW:
        return SLOW;
      default:
        return OTHER;
    }
  }

  String words() {
    return words;
  }

  String styleClass() {
    return styleClass;
  }
}
