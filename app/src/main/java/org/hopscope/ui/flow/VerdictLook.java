package org.hopscope.ui.flow;

import org.hopscope.model.HopVerdict;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * How a hop verdict looks everywhere in the UI: its label, icon and style class. The colours behind
 * the style classes are defined once, in {@code flow.css} ({@code -hop-ok}, {@code -hop-slow},
 * {@code -hop-failed}, {@code -hop-stuck}, {@code -hop-none}).
 */
public final class VerdictLook {

  /** The stylesheet that defines the verdict colours; views add it to their own stylesheets. */
  public static final String STYLESHEET =
      VerdictLook.class.getResource("/org/hopscope/ui/flow/flow.css").toExternalForm();

  private VerdictLook() {}

  /** E.g. "STUCK", "DEAD-LETTERED", "NO EVIDENCE". */
  public static String label(HopVerdict v) {
    return switch (v) {
      case DEAD_LETTERED -> "DEAD-LETTERED";
      case NO_EVIDENCE -> "NO EVIDENCE";
      case IN_FLIGHT -> "IN FLIGHT";
      default -> v.name();
    };
  }

  /** Style class, e.g. {@code verdict-stuck}. */
  public static String styleClass(HopVerdict v) {
    return "verdict-" + v.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** All verdict style classes (to remove before adding the current one). */
  public static java.util.List<String> allStyleClasses() {
    return java.util.Arrays.stream(HopVerdict.values()).map(VerdictLook::styleClass).toList();
  }

  /** The verdict's icon. */
  public static Ikon icon(HopVerdict v) {
    return switch (v) {
      case OK -> Feather.CHECK_CIRCLE;
      case SLOW -> Feather.CLOCK;
      case IN_FLIGHT -> Feather.LOADER;
      case ERROR -> Feather.X_CIRCLE;
      case DEAD_LETTERED -> Feather.INBOX;
      case STUCK -> Feather.ALERT_OCTAGON;
      case NO_EVIDENCE -> Feather.CIRCLE;
    };
  }
}
