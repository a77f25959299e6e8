package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.ui.look.VerdictLook;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One hop of the path diagram (id {@code hop-<name>}): name, verdict and attempts; its facts (a
 * split's progress, events); its first time as shown (corrected for clock skew); and a line each
 * for what the verdict alone does not say: failures recovered ({@code -recovered}), unreadable
 * sources ({@code -blind}), evidence shared with a batch ({@code -batch}), a clock correction
 * ({@code -skew}). Hovering explains the correction and the unreadable sources.
 */
final class HopCard extends VBox {

  static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

  private final HopFlow hop;

  HopCard(Flow flow, HopFlow hop) {
    this.hop = hop;
    String id = PathDiagram.nodeId(hop.hop());
    setId(id);
    getStyleClass().addAll("hop-card", VerdictLook.styleClass(hop.verdict()));
    Region bar = new Region();
    bar.getStyleClass().add("accent-bar");

    Label name = new Label(hop.hop());
    name.getStyleClass().add("hop-name");
    name.setId(id + "-name");
    wraps(name);

    Label verdict = new Label();
    VerdictLook.showIn(verdict, hop.verdict());
    verdict.setId(id + "-verdict");
    verdict.setMinWidth(Region.USE_PREF_SIZE);
    // the attempts badge goes under the verdict when both do not fit: never cut short
    FlowPane verdictRow = new FlowPane(6, 4, verdict);
    verdictRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    if (hop.attempts() > 1) {
      Label attempts = new Label(String.format(Locale.ROOT, "×%d attempts", hop.attempts()));
      attempts.getStyleClass().add("attempts-badge");
      attempts.setId(id + "-attempts");
      attempts.setMinWidth(Region.USE_PREF_SIZE);
      verdictRow.getChildren().add(attempts);
    }

    Label facts = new Label(HopWords.facts(flow, hop));
    facts.getStyleClass().add("hop-facts");
    facts.setId(id + "-facts");
    wraps(facts);
    getChildren().addAll(bar, name, verdictRow, facts);
    String first = firstShown(hop);
    if (!first.isEmpty()) {
      Label time = new Label(first);
      time.getStyleClass().add("hop-facts");
      time.setId(id + "-first");
      getChildren().add(time);
    }
    note(
        id + "-recovered",
        HopWords.failureLine(hop),
        Feather.ROTATE_CW,
        hop.recovered() ? "hop-note-ok" : "hop-note-danger");
    note(id + "-blind", HopWords.blindLine(hop), Feather.EYE_OFF, "hop-note-blind");
    note(id + "-batch", HopWords.shared(flow, hop), Feather.PACKAGE, "hop-note-batch");
    note(id + "-skew", SkewWords.hopLine(hop), Feather.CLOCK, "hop-note-skew");
    String tip = tip(flow, hop);
    if (tip != null) {
      Tooltip t = new Tooltip(tip);
      t.setId(id + "-tip");
      t.setWrapText(true);
      t.setMaxWidth(420);
      t.setShowDelay(Duration.millis(300));
      Tooltip.install(this, t);
    }
  }

  /** The card's tooltip: the clock correction, then the unreadable sources; null for neither. */
  static String tip(Flow flow, HopFlow hop) {
    List<String> lines = new ArrayList<>();
    String skew = SkewWords.hopTip(flow, hop);
    if (skew != null) {
      lines.add(skew);
    }
    String blind = HopWords.blindDetail(hop);
    if (blind != null) {
      lines.add("Could not be read:\n" + blind);
    }
    return lines.isEmpty() ? null : String.join("\n\n", lines);
  }

  /** The first event's time as shown (stored plus the correction), or "". */
  static String firstShown(HopFlow hop) {
    if (!hop.events().isEmpty()) {
      return FlowFormat.time(hop.events().get(0).timestamp().plusMillis(hop.skewMs()));
    }
    return FlowFormat.time(hop.firstSeen());
  }

  /** The card has a fixed width: a long name or fact goes onto a second line, never "…". */
  private static void wraps(Label label) {
    label.setWrapText(true);
    label.setMinHeight(Region.USE_PREF_SIZE);
  }

  private void note(String id, String text, Ikon icon, String styleClass) {
    if (text == null) {
      return;
    }
    Label l = new Label(text, new FontIcon(icon));
    l.setId(id);
    l.getStyleClass().addAll("hop-note", styleClass);
    l.setWrapText(true);
    l.setMinHeight(Region.USE_PREF_SIZE);
    getChildren().add(l);
  }

  String hopName() {
    return hop.hop();
  }

  void setSelected(boolean selected) {
    pseudoClassStateChanged(SELECTED, selected);
  }
}
