package org.hopscope.ui.file;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hopscope.model.Flow;
import org.hopscope.model.Notice;
import org.hopscope.ui.flow.FlowHeadlineBar;
import org.hopscope.ui.flow.FlowSelection;
import org.hopscope.ui.flow.FlowView;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.task.TaskRunner;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A flow read from trace files, read-only in a window of its own: the live flow views (headline,
 * path diagram, timeline, events, raw documents) fed the flow through {@link
 * FlowViewModel#showSnapshot}, under a banner naming the files and the time it is judged as of.
 * Nothing is searched: the views' offers to search again do nothing.
 */
public final class TraceFlowWindow {

  /** What a search from this window says: the files are all there is. */
  static final String READ_ONLY = "a flow from trace files is read-only: open other files instead";

  private final Stage stage = new Stage();
  private final FlowViewModel flow;

  public TraceFlowWindow(Flow shown, TaskRunner runner, Clock clock) {
    flow =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              throw new IllegalStateException(READ_ONLY);
            },
            runner,
            clock);
    FlowSelection selection = new FlowSelection();
    PathDiagram diagram = new PathDiagram(flow.flowProperty(), selection);
    HBox.setHgrow(diagram, Priority.ALWAYS);
    FlowView view = new FlowView(flow, selection);
    VBox.setVgrow(view, Priority.ALWAYS);
    Label banner = new Label(banner(shown), new FontIcon(Feather.FILE_TEXT));
    banner.setId("trace-flow-banner");
    banner.setWrapText(true);
    banner.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    banner.getStyleClass().addAll(Styles.TEXT_SMALL);
    VBox top = new VBox(8, banner, new FlowHeadlineBar(flow.flowProperty()), new HBox(diagram));
    top.getStyleClass().add("diagram-slot");
    VBox body = new VBox(top, view);
    VBox.setVgrow(view, Priority.ALWAYS);
    BorderPane root = new BorderPane(body);
    root.setId("trace-flow-window");
    root.getStylesheets()
        .add(TraceFlowWindow.class.getResource("/org/hopscope/ui/hopscope.css").toExternalForm());
    stage.setScene(new Scene(root, 1280, 800));
    stage.setTitle("Hopscope - " + shown.path() + " " + shown.query() + " (from trace files)");
    flow.showSnapshot(shown);
  }

  /** The files (by name) and the time the flow is judged as of, from its notice. */
  static String banner(Flow shown) {
    return shown.notices().stream()
        .filter(n -> n instanceof Notice.FromFiles)
        .map(n -> (Notice.FromFiles) n)
        .findFirst()
        .map(
            n ->
                "Read-only, from "
                    + String.join(
                        ", ",
                        n.files().stream()
                            .map(f -> java.nio.file.Path.of(f).getFileName().toString())
                            .toList())
                    + (n.asOf() == null
                        ? ": no event time could be read"
                        : ". Judged as of "
                            + n.asOf()
                            + ", the newest event in the files, not now;"
                            + " no metrics."))
        .orElse("Read-only, from trace files");
  }

  public Stage stage() {
    return stage;
  }

  public FlowViewModel model() {
    return flow;
  }
}
