package org.hopscope.ui.flow;

import atlantafx.base.theme.Styles;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hopscope.model.FlowEvent;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The stored document of the selected event as pretty JSON, read-only, with a Copy button. */
public final class RawDocumentPane extends VBox {

  private static final ObjectWriter JSON = new ObjectMapper().writerWithDefaultPrettyPrinter();

  private final TextArea text = new TextArea();
  private final Label where = new Label();
  private final Button copy = new Button("Copy", new FontIcon(Feather.COPY));

  /** Shows the document of whatever {@code event} holds (null shows a hint). */
  public RawDocumentPane(ObservableValue<FlowEvent> event) {
    setId("flow-raw");
    getStyleClass().addAll("raw-document", "hopscope-flow");
    getStylesheets().add(FlowView.STYLESHEET);
    Label title = new Label("Raw document");
    title.getStyleClass().add("raw-title");
    where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    copy.setId("flow-raw-copy");
    copy.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
    copy.setOnAction(e -> copyToClipboard());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    title.setMinWidth(Region.USE_PREF_SIZE);
    copy.setMinWidth(Region.USE_PREF_SIZE);
    HBox header = new HBox(title, gap, copy);
    header.getStyleClass().add("raw-header");
    where.setId("flow-raw-where");
    where.setPadding(new javafx.geometry.Insets(0, 8, 4, 8));
    text.setId("flow-raw-json");
    text.setEditable(false);
    text.setWrapText(true); // a long value wraps: read without scrolling sideways
    text.setPromptText(
        "Select an event in the table or on the timeline to see its stored document");
    VBox.setVgrow(text, Priority.ALWAYS);
    getChildren().addAll(header, where, text);
    event.addListener((o, a, e) -> show(e));
    show(event.getValue());
  }

  /**
   * The stored document of {@code e} as Elasticsearch returns a hit ({@code _index}, {@code _id},
   * {@code _source}), pretty-printed; "" for null.
   */
  public static String json(FlowEvent e) {
    if (e == null) {
      return "";
    }
    if (e.document() == null) { // a saved flow that did not keep it (FlowSnapshot.NO_DOCUMENT)
      return org.hopscope.oncall.FlowSnapshot.NO_DOCUMENT
          + " (its index and ID are above; the saved fields are in the events table)";
    }
    try {
      Map<String, Object> hit = new LinkedHashMap<>();
      hit.put("_index", e.index());
      hit.put("_id", e.docId());
      hit.put("_source", e.document());
      return JSON.writeValueAsString(hit);
    } catch (JsonProcessingException ex) {
      return "cannot show the document " + e.docId() + ": " + ex.getOriginalMessage();
    }
  }

  private void show(FlowEvent e) {
    text.setText(json(e));
    where.setText(e == null ? "no event selected" : e.index() + " / " + e.docId());
    copy.setDisable(e == null);
  }

  private void copyToClipboard() {
    ClipboardContent content = new ClipboardContent();
    content.putString(text.getText());
    Clipboard.getSystemClipboard().setContent(content);
  }
}
