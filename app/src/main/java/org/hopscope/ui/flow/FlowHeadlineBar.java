package org.hopscope.ui.flow;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.hopscope.model.Flow;
import org.hopscope.oncall.FlowHeadline;
import org.hopscope.ui.look.VerdictLook;

/**
 * The flow's answer in one line above the path diagram (id {@code flow-headline}): the verdict as a
 * badge ({@code flow-headline-verdict}), then the rest of {@link FlowHeadline} ({@code
 * flow-headline-text}), e.g. "at fulfilment-service for 40 min - last error: ...". The text wraps
 * and is never elided; the bar carries the verdict's style class (its tint and accent). Hidden
 * while there is no flow. The CLI prints the same line first.
 */
public final class FlowHeadlineBar extends HBox {

  /** The bar's stylesheet ({@code headline.css}). */
  static final String STYLESHEET =
      FlowHeadlineBar.class.getResource("headline.css").toExternalForm();

  private final Label verdict = new Label();
  private final Label text = new Label();
  private FlowHeadline shown;

  /** Shows the headline of the flow {@code flow} holds, following it. */
  public FlowHeadlineBar(ObservableValue<Flow> flow) {
    setId("flow-headline");
    getStyleClass().add("flow-headline");
    getStylesheets().addAll(STYLESHEET, VerdictLook.STYLESHEET);
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(10);
    verdict.setId("flow-headline-verdict");
    verdict.setMinWidth(Region.USE_PREF_SIZE);
    text.setId("flow-headline-text");
    text.getStyleClass().add("flow-headline-text");
    text.setWrapText(true);
    text.setMinWidth(0);
    text.setMaxWidth(Double.MAX_VALUE);
    text.setMinHeight(Region.USE_PREF_SIZE);
    HBox.setHgrow(text, Priority.ALWAYS);
    getChildren().addAll(verdict, text);
    managedProperty().bind(visibleProperty());
    flow.addListener((o, was, now) -> show(now));
    show(flow.getValue());
  }

  /** The whole line as shown (the verdict's words and the text), or null while hidden. */
  public String line() {
    return shown == null ? null : shown.text();
  }

  private void show(Flow f) {
    getStyleClass().removeAll(VerdictLook.allStyleClasses());
    shown = f == null ? null : FlowHeadline.of(f);
    setVisible(f != null);
    if (f == null) {
      VerdictLook.showIn(verdict, null);
      text.setText(null);
      text.setTooltip(null);
      return;
    }
    FlowHeadline h = shown;
    VerdictLook.showIn(verdict, h.verdict());
    getStyleClass().add(VerdictLook.styleClass(h.verdict()));
    text.setText(h.detail());
    text.setTooltip(new Tooltip(h.text()));
  }
}
