package org.hopscope.ui.look;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.hopscope.model.BlindSource;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * How every view says that a source could not be read: the pattern and the reason in a few words,
 * e.g. "logs-fulfil-* (no index matches)". Such a hop is unknown, never "no evidence" or zero.
 */
public final class BlindLook {

  private BlindLook() {}

  /** Why a source could not be read, in a few words. */
  public static String reason(BlindSource.Reason r) {
    return switch (r) {
      case NO_INDEX -> "no index matches";
      case NO_PRIVILEGE -> "no privilege";
      case UNAVAILABLE -> "unavailable";
    };
  }

  /** "logs-fulfil-* (no index matches), audit-* (no privilege)". */
  public static String sources(List<BlindSource> blind) {
    return String.join(
        ", ", blind.stream().map(b -> b.pattern() + " (" + reason(b.reason()) + ")").toList());
  }

  /** The backend's words for each source, one a line: "audit-*: no privilege (403 ...)". */
  public static String details(List<BlindSource> blind) {
    return String.join(
        "\n",
        blind.stream()
            .map(
                b ->
                    b.pattern()
                        + ": "
                        + reason(b.reason())
                        + (b.detail() == null || b.detail().isBlank()
                            ? ""
                            : " (" + b.detail().strip() + ")"))
            .toList());
  }

  /**
   * The grey "unknown - unreadable: ..." label that stands in a funnel row for a hop whose sources
   * could not be read (id {@code funnel-<index>-unknown}); its tooltip says the {@code figures} are
   * unknown, not zero, and gives the backend's words.
   */
  public static Label funnelUnknown(
      int index, String hop, String figures, List<BlindSource> blind) {
    Label unknown =
        new Label("unknown - unreadable: " + sources(blind), new FontIcon(Feather.EYE_OFF));
    unknown.setId("funnel-" + index + "-unknown");
    unknown.getStyleClass().add("funnel-unknown");
    unknown.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(unknown, Priority.ALWAYS);
    Tooltip.install(
        unknown,
        new Tooltip(hop + ": its " + figures + " are unknown, not zero.\n" + details(blind)));
    return unknown;
  }
}
