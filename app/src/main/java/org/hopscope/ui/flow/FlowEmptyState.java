package org.hopscope.ui.flow;

import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.flow.FlowViewModel.State;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the flow view shows instead of a flow: idle hint, searching, no evidence (with one-click
 * searches over a longer window, ids {@code flow-search-last-24h} and {@code flow-search-last-7d}),
 * failure.
 */
final class FlowEmptyState extends VBox {

  /** A longer window an empty result offers: its button text and length. */
  record Offer(String label, Duration length, String id) {}

  private static final List<Offer> OFFERS =
      List.of(
          new Offer("Search the last 24 h", Duration.ofHours(24), "flow-search-last-24h"),
          new Offer("Search the last 7 days", Duration.ofDays(7), "flow-search-last-7d"));

  private final FontIcon icon = new FontIcon(Feather.SEARCH);
  private final ProgressIndicator spinner = new ProgressIndicator();
  private final Label title = new Label();
  private final Label detail = new Label();
  private final HBox offers = new HBox(8);
  private final Consumer<Duration> searchLast;

  /**
   * @param searchLast searches the current message over the last given length (an offer clicked)
   */
  FlowEmptyState(Consumer<Duration> searchLast) {
    this.searchLast = searchLast;
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
    offers.setId("flow-empty-offers");
    offers.setAlignment(Pos.CENTER);
    getChildren().addAll(icon, spinner, title, detail, offers);
  }

  /** The longer windows offered after {@code searched} found nothing: those longer than it. */
  static List<Offer> offers(TimeWindow searched) {
    if (searched == null) {
      return List.of();
    }
    return OFFERS.stream().filter(o -> o.length().compareTo(searched.length()) > 0).toList();
  }

  private void offer(List<Offer> offered) {
    offers.getChildren().clear();
    for (Offer o : offered) {
      Button b = new Button(o.label(), new FontIcon(Feather.CALENDAR));
      b.setId(o.id());
      b.getStyleClass()
          .add(offers.getChildren().isEmpty() ? Styles.ACCENT : Styles.BUTTON_OUTLINED);
      b.setOnAction(e -> searchLast.accept(o.length()));
      offers.getChildren().add(b);
    }
    offers.setVisible(!offered.isEmpty());
    offers.setManaged(!offered.isEmpty());
  }

  /** Shows the state for {@code state}; returns whether anything is to be shown. */
  boolean show(State state, String query, TimeWindow window, String problem, boolean hasFlow) {
    getStyleClass().remove("failed");
    spinner.setVisible(false);
    spinner.setManaged(false);
    icon.setVisible(true);
    icon.setManaged(true);
    offer(state == State.NO_EVIDENCE ? offers(window) : List.of());
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
              "No hop logged this ID in that window. Check the ID, search a longer window or try"
                  + " the ERP number or trace ID.");
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
