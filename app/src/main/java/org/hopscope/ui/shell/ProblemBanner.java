package org.hopscope.ui.shell;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.hopscope.ui.flow.FlowSummary;
import org.hopscope.ui.flow.FlowSummary.Kind;
import org.hopscope.ui.flow.FlowSummary.Line;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.look.ElisionCheck;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The strip under the search bar (id {@code banner}) that says, one line each ({@code
 * banner-line-<n>}): that a search failed, naming the source and URL, with Retry; that a result is
 * partial (a source failed while the flow still came back), with Retry; and what the flow's answer
 * rests on ({@link FlowSummary}: unreadable hops, clock skew, evidence beyond the window, parts,
 * batches, limits hit). Warnings are amber, a failure red, information alone blue. Beyond {@link
 * #SHOWN} lines the rest fold behind "N more" ({@code banner-more}). Hidden when there is nothing
 * to say.
 */
final class ProblemBanner extends HBox {

  /** How many lines show before the rest fold away. */
  static final int SHOWN = 3;

  private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
  private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");

  private final FlowViewModel flow;
  private final VBox lines = new VBox(2);
  private final Hyperlink more = new Hyperlink();
  private boolean expanded;

  ProblemBanner(FlowViewModel flow) {
    this.flow = flow;
    setId("banner");
    getStyleClass().addAll("problem-banner", ElisionCheck.ESSENTIAL);
    setAlignment(Pos.TOP_LEFT);
    setSpacing(10);
    lines.setId("banner-lines");
    lines.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(lines, Priority.ALWAYS);
    more.setId("banner-more");
    more.setMinWidth(Hyperlink.USE_PREF_SIZE);
    more.setOnAction(
        e -> {
          expanded = !expanded;
          update();
        });

    Button retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));
    retry.setId("banner-retry");
    retry.getStyleClass().add(Styles.SMALL);
    retry.setMinWidth(Button.USE_PREF_SIZE);
    retry.setOnAction(e -> flow.search());
    var retryable =
        flow.stateProperty()
            .isEqualTo(FlowViewModel.State.FAILED)
            .or(flow.partialProperty().isNotEmpty());
    retry.visibleProperty().bind(retryable);
    retry.managedProperty().bind(retryable);

    for (Observable o :
        List.<Observable>of(
            flow.stateProperty(),
            flow.problemProperty(),
            flow.partialProperty(),
            flow.summaryProperty(),
            flow.shownProperty())) {
      o.addListener(x -> update());
    }
    getChildren().addAll(lines, more, retry);
    update();
  }

  /**
   * The banner's lines: the failure alone when the search failed; else the partial result first,
   * then the flow's summary; while searching none, or the summary of the first answer on screen
   * (ADR 0048: what is still being read, clock corrections, ...).
   */
  static List<Line> lines(
      FlowViewModel.State state,
      String problem,
      String partial,
      List<Line> summary,
      boolean firstAnswer) {
    if (state == FlowViewModel.State.FAILED) {
      return List.of(new Line(Kind.WARNING, "Search failed: " + problem));
    }
    if (state == FlowViewModel.State.SEARCHING) {
      return firstAnswer ? summary : List.of();
    }
    List<Line> out = new ArrayList<>();
    if (!partial.isEmpty()) {
      out.add(new Line(Kind.WARNING, "Partial result: " + partial.replace("\n", "; ")));
    }
    out.addAll(summary);
    return out;
  }

  private void update() {
    FlowViewModel.State state = flow.stateProperty().get();
    List<Line> all =
        lines(
            state,
            flow.problemProperty().get(),
            flow.partialProperty().get(),
            flow.summaryProperty().get(),
            flow.shownProperty().get() != flow.flowProperty().get());
    boolean failed = state == FlowViewModel.State.FAILED;
    boolean info = all.stream().allMatch(l -> l.kind() == Kind.INFO);
    pseudoClassStateChanged(DANGER, failed);
    pseudoClassStateChanged(INFO, info && !failed);
    lines.getChildren().clear();
    int shown = expanded ? all.size() : Math.min(SHOWN, all.size());
    for (int i = 0; i < shown; i++) {
      lines.getChildren().add(line(i, all.get(i), failed));
    }
    boolean folds = all.size() > SHOWN;
    more.setText(expanded ? "Show fewer" : (all.size() - SHOWN) + " more");
    more.setVisible(folds);
    more.setManaged(folds);
    setVisible(!all.isEmpty());
    setManaged(!all.isEmpty());
  }

  private static Label line(int index, Line l, boolean failed) {
    Feather icon =
        failed
            ? Feather.ALERT_OCTAGON
            : l.kind() == Kind.INFO ? Feather.INFO : Feather.ALERT_TRIANGLE;
    Label label = new Label(l.text(), new FontIcon(icon));
    label.setId("banner-line-" + index);
    label
        .getStyleClass()
        .addAll("banner-line", l.kind() == Kind.INFO ? "banner-info" : "banner-warning");
    label.setWrapText(true);
    label.setMaxWidth(Double.MAX_VALUE);
    label.setMinHeight(Label.USE_PREF_SIZE);
    return label;
  }
}
