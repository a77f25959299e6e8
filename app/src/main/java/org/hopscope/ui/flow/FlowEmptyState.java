package org.hopscope.ui.flow;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.flow.FlowViewModel.State;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** What the flow view shows instead of a flow: idle hint, searching, no evidence, failure. */
final class FlowEmptyState extends VBox {

  private final FontIcon icon = new FontIcon(Feather.SEARCH);
  private final ProgressIndicator spinner = new ProgressIndicator();
  private final Label title = new Label();
  private final Label detail = new Label();

  FlowEmptyState() {
    setId("flow-empty");
    getStyleClass().add("flow-empty");
    icon.getStyleClass().add("empty-icon");
    spinner.setPrefSize(48, 48);
    spinner.setId("flow-searching");
    title.setId("flow-empty-title");
    title.getStyleClass().add("empty-title");
    detail.setId("flow-empty-detail");
    detail.getStyleClass().add("empty-detail");
    detail.setMaxWidth(640);
    getChildren().addAll(icon, spinner, title, detail);
  }

  /** Shows the state for {@code state}; returns whether anything is to be shown. */
  boolean show(State state, String query, TimeWindow window, String problem, boolean hasFlow) {
    getStyleClass().remove("failed");
    spinner.setVisible(false);
    spinner.setManaged(false);
    icon.setVisible(true);
    icon.setManaged(true);
    switch (state) {
      case SEARCHING -> {
        icon.setVisible(false);
        icon.setManaged(false);
        spinner.setVisible(true);
        spinner.setManaged(true);
        set(Feather.SEARCH, "Searching " + query + " …", "in " + window(window));
      }
      case NO_EVIDENCE ->
          set(
              Feather.HELP_CIRCLE,
              "No evidence for " + query + " in " + window(window),
              "No hop logged this ID. Check the ID, widen the time window or try the ERP number or"
                  + " trace ID.");
      case FAILED -> {
        getStyleClass().add("failed");
        set(Feather.ALERT_TRIANGLE, "The search for " + query + " failed", problem);
      }
      default -> {
        if (hasFlow) {
          return false;
        }
        set(
            Feather.SEARCH,
            "Search a message ID, ERP number or trace ID",
            "Ctrl+L focuses the search bar. The path, a timeline of every event and the raw"
                + " documents appear here.");
      }
    }
    return true;
  }

  private void set(Feather glyph, String t, String d) {
    icon.setIconCode(glyph);
    title.setText(t);
    detail.setText(d == null ? "" : d);
  }

  static String window(TimeWindow w) {
    if (w == null) {
      return "any time";
    }
    return FlowFormat.window(w.from(), w.to());
  }
}
