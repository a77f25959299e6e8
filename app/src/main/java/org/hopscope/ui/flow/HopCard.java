package org.hopscope.ui.flow;

import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.HopFlow;
import org.hopscope.ui.look.VerdictLook;

/** One hop of the path diagram: name, verdict, events and attempts; id {@code hop-<name>}. */
final class HopCard extends VBox {

  static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

  private final HopFlow hop;

  HopCard(HopFlow hop) {
    this.hop = hop;
    setId(PathDiagram.nodeId(hop.hop()));
    getStyleClass().addAll("hop-card", VerdictLook.styleClass(hop.verdict()));
    Region bar = new Region();
    bar.getStyleClass().add("accent-bar");

    Label name = new Label(hop.hop());
    name.getStyleClass().add("hop-name");
    name.setId(PathDiagram.nodeId(hop.hop()) + "-name");

    Label verdict = new Label();
    VerdictLook.showIn(verdict, hop.verdict());
    verdict.setId(PathDiagram.nodeId(hop.hop()) + "-verdict");
    HBox verdictRow = new HBox(6, verdict);
    verdictRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    if (hop.attempts() > 1) {
      Label attempts = new Label(String.format(Locale.ROOT, "×%d attempts", hop.attempts()));
      attempts.getStyleClass().add("attempts-badge");
      attempts.setId(PathDiagram.nodeId(hop.hop()) + "-attempts");
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      verdictRow.getChildren().addAll(gap, attempts);
    }

    Label facts = new Label(facts(hop));
    facts.getStyleClass().add("hop-facts");
    getChildren().addAll(bar, name, verdictRow, facts);
    if (hop.firstSeen() != null) {
      Label first = new Label(FlowFormat.time(hop.firstSeen()));
      first.getStyleClass().add("hop-facts");
      getChildren().add(first);
    }
  }

  private static String facts(HopFlow hop) {
    if (hop.events().isEmpty()) {
      return "no events";
    }
    return FlowFormat.events(hop.events().size());
  }

  String hopName() {
    return hop.hop();
  }

  void setSelected(boolean selected) {
    pseudoClassStateChanged(SELECTED, selected);
  }
}
