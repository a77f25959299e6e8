package org.hopscope.ui.look;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds text the window cut short: every shown {@link Labeled} (label, button, badge, chip, tab,
 * combo box cell...) whose drawn text differs from its text. JavaFX draws a Labeled's text in one
 * inner {@link Text} node (style class {@code text}) holding what fits ("DEAD-…", "S…", or the text
 * clipped); comparing it with {@link Labeled#getText()} is exact, whatever the ellipsis string or
 * overrun style. The tests and {@code gui --screenshot} run it over the {@link #ESSENTIAL} regions:
 * the path diagram and the bars. A view marks a region as essential by giving it that style class.
 */
public final class ElisionCheck {

  /** Style class of a region whose text must never be elided (the diagram, the bars). */
  public static final String ESSENTIAL = "essential-text";

  /**
   * Style class of a control inside an essential region that may give way because its whole text is
   * in its tooltip (e.g. the status bar's connection notices).
   */
  public static final String MAY_ELIDE = "may-elide";

  /** A control whose text is cut short: where it is, its whole text and what is drawn of it. */
  public record Elided(String where, String text, String shown) {
    @Override
    public String toString() {
      return where + " shows '" + shown + "' of '" + text + "'";
    }
  }

  private ElisionCheck() {}

  /** The elided controls in every shown {@link #ESSENTIAL} region of {@code scene}. */
  public static List<Elided> essentials(Scene scene) {
    List<Elided> out = new ArrayList<>();
    if (scene == null || scene.getRoot() == null) {
      return out;
    }
    for (Node region : scene.getRoot().lookupAll("." + ESSENTIAL)) {
      if (shown(region) && !insideAnotherEssential(region)) {
        walk(region, out);
      }
    }
    return out;
  }

  /** The elided controls under {@code root} (itself included) that are shown. */
  public static List<Elided> in(Node root) {
    List<Elided> out = new ArrayList<>();
    if (shown(root)) {
      walk(root, out);
    }
    return out;
  }

  /**
   * What {@code labeled} draws of its text (the inner text node's text), or null when it draws none
   * (no skin yet, no text).
   */
  public static String shownText(Labeled labeled) {
    for (Node child : labeled.getChildrenUnmodifiable()) {
      if (child instanceof Text t && t.getStyleClass().contains("text")) {
        return t.getText();
      }
    }
    return null;
  }

  /** Whether {@code labeled} draws less than its text (a mnemonic's underscore aside). */
  public static boolean isElided(Labeled labeled) {
    String text = labeled.getText();
    if (text == null || text.isEmpty()) {
      return false;
    }
    String shown = shownText(labeled);
    if (shown == null) {
      return false; // no skin: nothing drawn, so nothing drawn short
    }
    return !shown.equals(text) && !(labeled.isMnemonicParsing() && shown.equals(unmnemonic(text)));
  }

  private static String unmnemonic(String text) {
    int i = text.indexOf('_');
    return i < 0 ? text : text.substring(0, i) + text.substring(i + 1);
  }

  private static void walk(Node node, List<Elided> out) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled l && !l.getStyleClass().contains(MAY_ELIDE) && isElided(l)) {
      out.add(new Elided(describe(l), l.getText(), shownText(l)));
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, out);
      }
    }
  }

  private static boolean shown(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (!n.isVisible()) {
        return false;
      }
    }
    return node.getScene() != null;
  }

  private static boolean insideAnotherEssential(Node region) {
    for (Node n = region.getParent(); n != null; n = n.getParent()) {
      if (n.getStyleClass().contains(ESSENTIAL)) {
        return true;
      }
    }
    return false;
  }

  /** "#id (Label)" or, without an id, the nearest ancestor's id: "Label in #hop-x". */
  static String describe(Node node) {
    String type = node.getClass().getSimpleName();
    if (node.getId() != null) {
      return "#" + node.getId() + " (" + type + ")";
    }
    for (Node n = node.getParent(); n != null; n = n.getParent()) {
      if (n.getId() != null) {
        return type + " in #" + n.getId();
      }
    }
    return type;
  }
}
