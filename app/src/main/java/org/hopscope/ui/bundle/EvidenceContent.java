package org.hopscope.ui.bundle;

import atlantafx.base.theme.Styles;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.task.TaskRunner;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right side of a bundle window (id {@code bundle-content}): the selected evidence as a flow
 * (the flow views), a chart, an image or text, a reason when it cannot be shown, a hint when none
 * is selected.
 */
final class EvidenceContent extends StackPane {

  private final FlowSnapshotPane flowPane;
  private final ObservableValue<ChartTheme> theme;
  private SeriesCard series;

  EvidenceContent(
      BundleViewModel vm, TaskRunner runner, Clock clock, ObservableValue<ChartTheme> theme) {
    this.theme = theme;
    setId("bundle-content");
    getStyleClass().add("bundle-content");
    flowPane = new FlowSnapshotPane(runner, clock, vm::readOnlyAsked);
    vm.shownProperty().addListener((o, a, s) -> show(s));
    vm.readingProperty()
        .addListener(
            (o, a, r) -> {
              if (r) {
                ProgressIndicator p = new ProgressIndicator();
                p.setMaxSize(40, 40);
                getChildren().setAll(p);
              }
            });
    show(vm.shownProperty().get());
  }

  private void show(EvidenceShown s) {
    series = null;
    Node node;
    if (s == null) {
      node = message(Feather.ARCHIVE, "Select an evidence snapshot on the left to see it here");
    } else if (s instanceof EvidenceShown.FlowShown f) {
      flowPane.show(f.snapshot());
      node = flowPane;
    } else if (s instanceof EvidenceShown.SeriesShown c) {
      series = new SeriesCard(c.series(), theme);
      node = series;
    } else if (s instanceof EvidenceShown.ImageShown i) {
      ImageView image = new ImageView(new Image(new ByteArrayInputStream(i.evidence().content())));
      image.setId("bundle-image");
      image.setPreserveRatio(true);
      image.fitWidthProperty().bind(widthProperty().subtract(32));
      ScrollPane scroll = new ScrollPane(image);
      scroll.setFitToWidth(true);
      node = scroll;
    } else if (s instanceof EvidenceShown.TextShown t) {
      TextArea text = new TextArea(t.text());
      text.setId("bundle-text");
      text.setEditable(false);
      text.getStyleClass().add("bundle-mono");
      node = text;
    } else {
      Label problem = message(Feather.ALERT_OCTAGON, ((EvidenceShown.Problem) s).message());
      problem.setId("bundle-evidence-problem");
      node = problem;
    }
    getChildren().setAll(node);
    StackPane.setAlignment(node, node instanceof Label ? Pos.CENTER : Pos.TOP_LEFT);
  }

  private static Label message(Feather icon, String text) {
    Label l = new Label(text, new FontIcon(icon));
    l.getStyleClass().addAll(Styles.TEXT_MUTED, "bundle-message");
    l.setWrapText(true);
    l.setMaxWidth(520);
    return l;
  }

  FlowSnapshotPane flowPane() {
    return flowPane;
  }

  /** The chart shown, or null when no series are. */
  SeriesCard series() {
    return series;
  }
}
