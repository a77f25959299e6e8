package org.hopscope.ui.shell;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.hopscope.ui.flow.FlowViewModel;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The strip under the search bar that says when a result is partial (a source failed while the flow
 * still came back) or a search failed, naming the source and URL, with a Retry button, and the
 * flow's other notices (limits hit, clock skew clamped, events left out). Hidden when there is
 * nothing to say.
 */
final class ProblemBanner extends HBox {

  ProblemBanner(FlowViewModel flow) {
    setId("banner");
    getStyleClass().add("problem-banner");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(10);

    FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
    Label text = new Label();
    text.setId("banner-text");
    text.setWrapText(true);
    text.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(text, Priority.ALWAYS);
    var failed = flow.stateProperty().isEqualTo(FlowViewModel.State.FAILED);
    text.textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    failed.get() ? "Search failed: " + flow.problemProperty().get() : notices(flow),
                failed,
                flow.problemProperty(),
                flow.partialProperty(),
                flow.notesProperty()));

    Button retry = new Button("Retry", new FontIcon(Feather.REFRESH_CW));
    retry.setId("banner-retry");
    retry.getStyleClass().add(Styles.SMALL);
    retry.setOnAction(e -> flow.search());
    var retryable = failed.or(flow.partialProperty().isNotEmpty());
    retry.visibleProperty().bind(retryable);
    retry.managedProperty().bind(retryable);

    var showing =
        failed.or(
            flow.partialProperty()
                .isNotEmpty()
                .or(flow.notesProperty().isNotEmpty())
                .and(flow.stateProperty().isNotEqualTo(FlowViewModel.State.SEARCHING)));
    visibleProperty().bind(showing);
    managedProperty().bind(showing);
    failed.addListener((o, was, now) -> pseudoClassStateChanged(DANGER, now));
    pseudoClassStateChanged(DANGER, failed.get());
    getChildren().addAll(icon, text, retry);
  }

  private static String notices(FlowViewModel flow) {
    String partial = flow.partialProperty().get();
    String notes = flow.notesProperty().get();
    if (partial.isEmpty()) {
      return notes;
    }
    return "Partial result: " + partial + (notes.isEmpty() ? "" : "\n" + notes);
  }

  private static final javafx.css.PseudoClass DANGER =
      javafx.css.PseudoClass.getPseudoClass("danger");
}
