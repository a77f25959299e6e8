package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.ui.look.ElisionCheck;
import org.hopscope.ui.look.VerdictLook;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The path of one message as hop cards in path order with the hop-to-hop latency, re-keyed IDs and
 * clock skew (id {@code edge-<hop>-skew}, explained on hover) on the edges between them (id {@code
 * flow-diagram}). Clicking a card selects its hop in the shared {@link FlowSelection}; Left/Right
 * move the selection while the diagram has focus.
 */
public final class PathDiagram extends StackPane {

  private final ReadOnlyObjectProperty<Flow> flow;
  private final FlowSelection selection;
  private final HBox row = new Row();
  private final ScrollPane scroll = new ScrollPane(row);
  private final List<HopCard> cards = new ArrayList<>();

  /**
   * @param flow the flow to show (null shows a hint)
   * @param selection shared selection: read for the highlight, written on click and arrow keys
   */
  public PathDiagram(ReadOnlyObjectProperty<Flow> flow, FlowSelection selection) {
    this.flow = flow;
    this.selection = selection;
    setId("flow-diagram");
    getStyleClass().addAll("path-diagram", "hopscope-flow", ElisionCheck.ESSENTIAL);
    getStylesheets().addAll(FlowView.STYLESHEET, VerdictLook.STYLESHEET);
    setFocusTraversable(true);
    row.setAlignment(Pos.CENTER_LEFT);
    row.setFillHeight(true); // every card as tall as the tallest: one even row
    setMinHeight(Region.USE_PREF_SIZE); // never squeezed by the view below: cards stay whole
    scroll.setFitToWidth(true); // cards spread out when there is room; else it scrolls sideways
    scroll.setFitToHeight(false); // cards keep their own height, never the viewport's
    scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    // a minimum viewport width makes the skin count the horizontal scroll bar in the preferred
    // height, so a bar shown at 1280 px takes its room below the cards instead of from them
    scroll.setMinViewportWidth(1);
    scroll.setMinHeight(Region.USE_PREF_SIZE);
    scroll.setStyle("-fx-background-color: transparent; -fx-background: transparent;");
    getChildren().add(scroll);
    flow.addListener((o, old, f) -> rebuild(f));
    selection.hopProperty().addListener((o, old, h) -> highlight(h));
    addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    addEventHandler(MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    rebuild(flow.get());
  }

  /**
   * The node id of a hop's card: {@code hop-<name>} with every character other than letters,
   * digits, '-' and '_' replaced by '-' so that it works as a CSS selector ({@code orders.v1} ->
   * {@code #hop-orders-v1}). The card's verdict label is {@code <id>-verdict}, its attempts badge
   * {@code <id>-attempts}.
   */
  public static String nodeId(String hop) {
    return "hop-" + hop.replaceAll("[^A-Za-z0-9_-]", "-");
  }

  /**
   * The cards' height plus room for the sideways scroll bar, shown or not: the bar never takes its
   * room from the cards, whatever the ScrollPane's skin counts.
   */
  @Override
  protected double computePrefHeight(double width) {
    double bar = 14;
    for (javafx.scene.Node n : scroll.lookupAll(".scroll-bar")) {
      if (n instanceof javafx.scene.control.ScrollBar b
          && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
        // its thickness: a hidden bar's height is whatever the skin last gave it, not its room
        bar = b.prefHeight(-1);
      }
    }
    return snappedTopInset()
        + scroll.snappedTopInset()
        + row.prefHeight(-1)
        + bar
        + scroll.snappedBottomInset()
        + snappedBottomInset();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  /** Moves the hop selection {@code delta} hops along the path (clamped to the ends). */
  public void selectNext(int delta) {
    Flow f = flow.get();
    if (f == null) {
      return;
    }
    List<String> names = f.hops().stream().map(HopFlow::hop).toList();
    String next = HopNavigation.next(names, selection.hopProperty().get(), delta);
    if (next != null) {
      selection.select(null);
      selection.hopProperty().set(next);
    }
  }

  private void onKey(KeyEvent e) {
    if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT) {
      selectNext(e.getCode() == KeyCode.LEFT ? -1 : 1);
      e.consume();
    }
  }

  private void rebuild(Flow f) {
    cards.clear();
    row.getChildren().clear();
    if (f == null || f.hops().isEmpty()) {
      Label hint = new Label("The path of the message appears here");
      hint.getStyleClass().add("empty-hint");
      row.getChildren().add(hint);
      return;
    }
    List<String> reKeys = IdChanges.of(f.hops());
    for (int i = 0; i < f.hops().size(); i++) {
      HopFlow hop = f.hops().get(i);
      if (i > 0) {
        row.getChildren().add(edge(f, i - 1, reKeys.get(i - 1)));
      }
      HopCard card = new HopCard(f, hop);
      card.setOnMouseClicked(
          e -> {
            selection.select(null);
            selection.hopProperty().set(card.hopName());
          });
      cards.add(card);
      row.getChildren().add(card);
    }
    highlight(selection.hopProperty().get());
  }

  private static Region edge(Flow f, int index, String reKey) {
    HopFlow from = f.hops().get(index);
    Label latency =
        new Label(from.latencyMs() == null ? " " : FlowFormat.latency(from.latencyMs()));
    latency.getStyleClass().add("edge-latency");
    latency.setMinWidth(
        Region.USE_PREF_SIZE); // the edge widens (the row scrolls) rather than "1 m 1…"
    latency.setId("edge-" + PathDiagram.nodeId(from.hop()).substring(4) + "-latency");
    Region line = new Region();
    line.getStyleClass().add("edge-line");
    HBox.setHgrow(line, Priority.ALWAYS);
    FontIcon arrow = new FontIcon(Feather.CHEVRON_RIGHT);
    arrow.getStyleClass().add("edge-arrow");
    HBox arrowRow = new HBox(-4, line, arrow);
    arrowRow.setAlignment(Pos.CENTER);
    Label key = new Label(reKey == null ? " " : IdChanges.compact(reKey));
    key.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
    key.setMinWidth(Region.USE_PREF_SIZE);
    key.setId("edge-" + PathDiagram.nodeId(from.hop()).substring(4) + "-rekey");
    if (reKey != null) {
      key.getStyleClass().add("edge-rekey");
      key.setGraphic(new FontIcon(Feather.KEY));
      key.setTooltip(new javafx.scene.control.Tooltip("re-keyed: " + reKey));
    }
    VBox edge = new VBox(latency, arrowRow, key);
    String skew = SkewWords.edge(f, index);
    if (skew != null) {
      Label skewLabel = new Label(SkewWords.lines(skew));
      skewLabel.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
      skewLabel.setId("edge-" + PathDiagram.nodeId(from.hop()).substring(4) + "-skew");
      skewLabel.getStyleClass().add("edge-skew");
      javafx.scene.control.Tooltip tip =
          new javafx.scene.control.Tooltip(SkewWords.edgeTip(f, index));
      tip.setWrapText(true);
      tip.setMaxWidth(420);
      skewLabel.setTooltip(tip);
      if (reKey == null) {
        edge.getChildren().set(2, skewLabel);
      } else {
        edge.getChildren().add(skewLabel);
      }
    }
    edge.getStyleClass().add("hop-edge");
    HBox.setHgrow(edge, Priority.ALWAYS);
    return edge;
  }

  /**
   * The row of cards and edges. Its height is each child's height at the width it gets (a card's
   * fixed width), so a note that wraps inside a card is counted; HBox would ask each child its
   * height for no width (the note on one line) and the viewport would cut the card's bottom.
   */
  private static final class Row extends HBox {
    @Override
    protected double computePrefHeight(double width) {
      double tallest = 0;
      for (javafx.scene.Node child : getManagedChildren()) {
        tallest = Math.max(tallest, child.prefHeight(child.prefWidth(-1)));
      }
      return snappedTopInset() + tallest + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
      return computePrefHeight(width);
    }
  }

  private void highlight(String hop) {
    for (HopCard c : cards) {
      c.setSelected(c.hopName().equals(hop));
    }
  }
}
