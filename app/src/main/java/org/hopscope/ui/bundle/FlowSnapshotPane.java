package org.hopscope.ui.bundle;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.Flow;
import org.hopscope.oncall.FlowSnapshot;
import org.hopscope.ui.flow.FlowHeadlineBar;
import org.hopscope.ui.flow.FlowSelection;
import org.hopscope.ui.flow.FlowSummary;
import org.hopscope.ui.flow.FlowView;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.task.TaskRunner;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A saved flow shown by the live flow views (headline, path diagram, timeline, events, raw
 * documents) fed the snapshot through {@link FlowViewModel#showSnapshot}: nothing is searched (the
 * views' offers to search again say so), no search bar, no save or compare.
 */
final class FlowSnapshotPane extends VBox {

  private final FlowViewModel flow;
  private final FlowView view;
  private final PathDiagram diagram;
  private final Label missing = new Label();
  private final VBox summary = new VBox(2);

  FlowSnapshotPane(TaskRunner runner, Clock clock, Runnable readOnlyAsked) {
    flow =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              throw new IllegalStateException(BundleViewModel.READ_ONLY);
            },
            runner,
            clock);
    flow.navigator(
        new FlowViewModel.Navigator() {
          @Override
          public void open(String id) {
            readOnlyAsked.run();
          }

          @Override
          public void searchLast(java.time.Duration length) {
            readOnlyAsked.run();
          }
        });
    FlowSelection selection = new FlowSelection();
    flow.flowProperty().addListener((o, a, b) -> selection.clear());
    diagram = new PathDiagram(flow.flowProperty(), selection);
    HBox.setHgrow(diagram, Priority.ALWAYS);
    HBox row = new HBox(diagram);
    view = new FlowView(flow, selection);
    VBox.setVgrow(view, Priority.ALWAYS);
    missing.setId("bundle-flow-missing");
    missing.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    missing.setGraphic(new FontIcon(Feather.INFO));
    missing.setWrapText(true);
    summary.setId("bundle-flow-summary");
    summary.getStyleClass().add("bundle-flow-summary");
    VBox top = new VBox(8, new FlowHeadlineBar(flow.flowProperty()), summary, missing, row);
    top.getStyleClass().add("diagram-slot");
    setId("bundle-flow");
    getChildren().addAll(top, view);
  }

  void show(FlowSnapshot snapshot) {
    flow.showSnapshot(snapshot.flow());
    String words = String.join("; ", snapshot.missing());
    missing.setText(words.isEmpty() ? "" : "This snapshot: " + words);
    missing.setVisible(!words.isEmpty());
    missing.setManaged(!words.isEmpty());
    expanded = false;
    showSummary();
  }

  /** The flow's summary lines (as the main window's banner): {@link #SHOWN}, the rest folded. */
  private void showSummary() {
    summary.getChildren().clear();
    java.util.List<FlowSummary.Line> lines = flow.summaryProperty().get();
    int shown = expanded ? lines.size() : Math.min(SHOWN, lines.size());
    for (int i = 0; i < shown; i++) {
      FlowSummary.Line line = lines.get(i);
      Label l =
          new Label(
              line.text(),
              new FontIcon(
                  line.kind() == FlowSummary.Kind.INFO ? Feather.INFO : Feather.ALERT_TRIANGLE));
      l.setId("bundle-summary-" + i);
      l.setWrapText(true);
      l.setMinHeight(Region.USE_PREF_SIZE);
      l.getStyleClass().add("bundle-summary-line");
      summary.getChildren().add(l);
    }
    if (lines.size() > SHOWN) {
      Hyperlink more = new Hyperlink(expanded ? "fewer" : (lines.size() - SHOWN) + " more");
      more.setId("bundle-summary-more");
      more.setOnAction(
          e -> {
            expanded = !expanded;
            showSummary();
          });
      summary.getChildren().add(more);
    }
    summary.setVisible(!summary.getChildren().isEmpty());
    summary.setManaged(summary.isVisible());
  }

  /** How many summary lines show before the rest fold away (as the main window's banner). */
  static final int SHOWN = 3;

  private boolean expanded;

  Flow shownFlow() {
    return flow.flowProperty().get();
  }

  FlowView view() {
    return view;
  }

  PathDiagram diagram() {
    return diagram;
  }
}
