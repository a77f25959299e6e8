package org.hopscope.ui.look;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Labeled;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.VerdictWords;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * How a hop verdict looks everywhere in the UI: its words, its badge label, its icon and its style
 * class. The colours behind the style classes live in one stylesheet, {@link #STYLESHEET} ({@code
 * verdicts.css}, AtlantaFX looked-up colours, so they follow the dark and light themes): OK green;
 * SLOW and IN_FLIGHT amber; ERROR ("Failed") and DEAD_LETTERED red; STUCK the strongest red (a
 * solid badge); NO_EVIDENCE muted.
 *
 * <p>A node showing a verdict carries {@link #styleClass} of it; inside that node the looked-up
 * colours {@code -verdict} (the verdict's colour), {@code -verdict-muted} (a tint behind it),
 * {@code -verdict-on} (text drawn on {@code -verdict}) and {@code -verdict-area} (a bar segment)
 * are defined, so a view's own CSS can use them for borders and bars without naming a colour.
 */
public final class VerdictLook {

  /** The stylesheet defining the verdict colours; every view showing verdicts adds it. */
  public static final String STYLESHEET =
      VerdictLook.class.getResource("/org/hopscope/ui/look/verdicts.css").toExternalForm();

  /** The style class of a verdict badge: a small pill with the verdict's icon and label. */
  public static final String BADGE = "verdict-badge";

  /** The style class of a region painted in its verdict's colour (e.g. colour swatches). */
  public static final String FILL = "verdict-fill";

  /**
   * The style class of a larger area of a verdict (bar segments, legend swatches): STUCK solid and
   * strongest, ERROR a light red, DEAD_LETTERED a deep red, so they stay apart side by side.
   */
  public static final String AREA = "verdict-area";

  /** The style class of text drawn in its verdict's colour (counts, inline words). */
  public static final String TEXT = "verdict-text";

  private VerdictLook() {}

  /**
   * The verdict in words for sentences and filters, e.g. "Stuck", "Failed", "Dead-lettered"; the
   * words are {@link VerdictWords}' (the CLI prints the same).
   */
  public static String words(HopVerdict v) {
    return VerdictWords.words(v);
  }

  /** The verdict as a badge shows it: its words in capitals, e.g. "STUCK", "FAILED". */
  public static String label(HopVerdict v) {
    return VerdictWords.label(v);
  }

  /** The verdict's style class, named after the domain verdict, e.g. {@code verdict-in-flight}. */
  public static String styleClass(HopVerdict v) {
    return "verdict-" + v.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Every verdict style class (to remove the old one before adding the current one). */
  public static List<String> allStyleClasses() {
    return Arrays.stream(HopVerdict.values()).map(VerdictLook::styleClass).toList();
  }

  public static Ikon icon(HopVerdict v) {
    return switch (v) {
      case OK -> Feather.CHECK_CIRCLE;
      case SLOW -> Feather.CLOCK;
      case IN_FLIGHT -> Feather.LOADER;
      case ERROR -> Feather.X_CIRCLE;
      case DEAD_LETTERED -> Feather.INBOX;
      case STUCK -> Feather.ALERT_OCTAGON;
      case NO_EVIDENCE -> Feather.CIRCLE;
      case UNKNOWN -> Feather.HELP_CIRCLE;
    };
  }

  /**
   * Makes {@code badge} show {@code v} as a verdict badge (label, icon and style classes; a
   * previous verdict's class is removed), or hides its text, icon and verdict class when {@code v}
   * is null.
   */
  public static void showIn(Labeled badge, HopVerdict v) {
    badge.getStyleClass().removeAll(allStyleClasses());
    if (!badge.getStyleClass().contains(BADGE)) {
      badge.getStyleClass().add(BADGE);
    }
    if (v == null) {
      badge.setText(null);
      badge.setGraphic(null);
      return;
    }
    badge.setText(label(v));
    if (badge.getGraphic() instanceof FontIcon shown) {
      shown.setIconCode(icon(v));
    } else {
      badge.setGraphic(new FontIcon(icon(v)));
    }
    badge.getStyleClass().add(styleClass(v));
  }
}
