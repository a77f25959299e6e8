package org.hopscope.ui.profiles;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One labelled form field with its validation message right under it. */
final class FieldBlock extends HBox {

  static final double LABEL_WIDTH = 130;

  private final Label label;

  /**
   * @param error the field's message; empty hides it
   * @param errorId the message label's id, e.g. {@code es-url-error}
   */
  FieldBlock(String text, Node control, ObservableValue<String> error, String errorId) {
    label = new Label(text);
    label.setMinWidth(LABEL_WIDTH);
    label.setPrefWidth(LABEL_WIDTH);
    label.getStyleClass().add("field-label");
    Label message = new Label();
    message.setId(errorId);
    message.getStyleClass().add("field-error");
    message.setWrapText(true);
    if (error != null) {
      message.textProperty().bind(error);
      error.addListener(
          (o, was, now) ->
              control.pseudoClassStateChanged(Styles.STATE_DANGER, now != null && !now.isEmpty()));
    }
    message.visibleProperty().bind(message.textProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    VBox right = new VBox(3, control, message);
    HBox.setHgrow(right, Priority.ALWAYS);
    setSpacing(10);
    setAlignment(Pos.TOP_LEFT);
    getChildren().addAll(label, right);
    label.setMinHeight(34);
    label.setAlignment(Pos.CENTER_LEFT);
  }

  Label label() {
    return label;
  }

  /** Shows the block only while {@code shown} holds. */
  FieldBlock shownWhen(ObservableValue<Boolean> shown) {
    visibleProperty().bind(shown);
    managedProperty().bind(visibleProperty());
    return this;
  }
}
