package org.hopscope.ui.bundle;

import atlantafx.base.theme.Styles;
import java.time.Clock;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hopscope.model.Flow;
import org.hopscope.model.Notice;
import org.hopscope.oncall.FlowJson;
import org.hopscope.oncall.FlowSnapshot;
import org.hopscope.ui.look.ElisionCheck;
import org.hopscope.ui.task.TaskRunner;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A flow assembled offline (File > Open traces: trace and log files) in a read-only window of its
 * own, shown by the same flow views as a bundle's flow: banner ({@code traces-banner}), headline,
 * path diagram, timeline, events, raw documents; nothing searches.
 */
public final class FlowWindow {

  private final Stage stage = new Stage();
  private final FlowSnapshotPane pane;

  /**
   * @param source what the flow was read from, for the banner (e.g. "3 files")
   */
  public FlowWindow(Flow flow, String source, TaskRunner runner, Clock clock) {
    Label notice = new Label();
    notice.setId("traces-notice");
    notice.getStyleClass().add(Styles.TEXT_SMALL);
    notice.setWrapText(true);
    notice.visibleProperty().bind(notice.textProperty().isNotEmpty());
    notice.managedProperty().bind(notice.visibleProperty());
    pane =
        new FlowSnapshotPane(runner, clock, () -> notice.setText(BundleViewModel.READ_ONLY_FILES));
    pane.show(new FlowSnapshot(flow, FlowJson.VERSION, List.of()));
    Label title =
        new Label(
            "Traces: "
                + flow.query()
                + " on path "
                + flow.path()
                + " \u2014 read from "
                + source
                + ", offline",
            new FontIcon(Feather.FILE_TEXT));
    title.setId("traces-banner-title");
    title.getStyleClass().add("bundle-banner-title");
    title.setWrapText(true);
    Label basis = new Label(basis(flow));
    basis.setId("traces-basis");
    basis.getStyleClass().add(Styles.TEXT_SMALL);
    basis.setWrapText(true);
    VBox banner = new VBox(4, title, basis, notice);
    banner.setId("traces-banner");
    banner.getStyleClass().addAll("bundle-banner", ElisionCheck.ESSENTIAL);
    BorderPane root = new BorderPane(pane);
    root.setTop(banner);
    root.setId("traces-window");
    root.getStylesheets()
        .addAll(
            FlowWindow.class.getResource("/org/hopscope/ui/hopscope.css").toExternalForm(),
            FlowWindow.class.getResource("bundle.css").toExternalForm());
    stage.setScene(new Scene(root, 1280, 800));
    stage.setTitle("Traces: " + flow.query() + " \u2014 " + source + " (read-only)");
  }

  /**
   * The files (by name) and the time the flow is judged as of, from its {@link Notice.FromFiles};
   * "Read-only" alone for a flow without one.
   */
  static String basis(Flow shown) {
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
                            + ", the newest event in the files, not now; no metrics."))
        .orElse("Read-only");
  }

  /** The flow shown. */
  public Flow flow() {
    return pane.shownFlow();
  }

  public Stage stage() {
    return stage;
  }
}
