package org.hopscope.ui.stuck;

import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.TimeWindow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Above the funnel: which analysis is shown when the picker has moved on ({@code #stuck-stale}:
 * "Showing the analysis of ... (1 h); press Analyse for ... (6 h)"), and what changed ({@code
 * #stuck-compare-headline}, the model's headline, or {@code #stuck-compare-status} while it runs or
 * when it failed). The compare choice ({@code #stuck-compare}) sits in the toolbar.
 */
final class StuckChangeHeader extends VBox {

  /** Off, the previous window, a day earlier; null stands for off. */
  private static final StuckBaseline OFF = null;

  StuckChangeHeader(StuckViewModel vm) {
    super(6);
    getStyleClass().addAll("stuck-change-header", org.hopscope.ui.look.ElisionCheck.ESSENTIAL);
    StuckChangeModel changes = vm.changes();
    Label stale = new Label();
    stale.setId("stuck-stale");
    stale.setWrapText(true);
    stale.setGraphic(new FontIcon(Feather.INFO));
    stale.getStyleClass().add("stuck-stale");
    stale
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> staleWords(vm),
                vm.windowProperty(),
                vm.analysedWindowProperty(),
                vm.reportProperty()));
    BooleanBinding isStale = stale.textProperty().isNotEmpty();
    stale.visibleProperty().bind(isStale);
    stale.managedProperty().bind(isStale);

    Label headline = new Label();
    headline.setId("stuck-compare-headline");
    headline.setWrapText(true);
    headline.setGraphic(new FontIcon(Feather.ACTIVITY));
    headline.getStyleClass().add("stuck-compare-headline");
    headline
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  StuckComparison c = changes.comparisonProperty().get();
                  return c == null ? "" : "What changed: " + c.headline();
                },
                changes.comparisonProperty()));
    BooleanBinding compared = changes.comparisonProperty().isNotNull();
    headline.visibleProperty().bind(compared);
    headline.managedProperty().bind(compared);
    Label latency = new Label(NO_LATENCY);
    latency.setId("stuck-compare-latency");
    latency.setWrapText(true);
    latency.getStyleClass().add("stuck-compare-status");
    latency.visibleProperty().bind(compared);
    latency.managedProperty().bind(compared);

    Label status = new Label();
    status.setId("stuck-compare-status");
    status.setWrapText(true);
    status.getStyleClass().add("stuck-compare-status");
    status.textProperty().bind(changes.statusProperty());
    BooleanBinding busy = changes.statusProperty().isNotEmpty();
    status.visibleProperty().bind(busy);
    status.managedProperty().bind(busy);
    getChildren().addAll(stale, headline, latency, status);
    // never squeezed by the table below: a cut line would hide what changed
    for (Label l : java.util.List.of(stale, headline, latency, status)) {
      l.setMinHeight(Label.USE_PREF_SIZE);
    }
    setMinHeight(USE_PREF_SIZE);
    BooleanBinding any = isStale.or(compared).or(busy);
    visibleProperty().bind(any);
    managedProperty().bind(any);
  }

  /** Said rather than invented: the analysis has no hand-over times to compare. */
  static final String NO_LATENCY =
      "Latency: this analysis measures no hand-over times; slow/min (hand-overs past the SLA) is"
          + " its latency figure.";

  /** "Showing the analysis of today 08:00 - 09:00 (1 h); press Analyse for ... (6 h)", or "". */
  static String staleWords(StuckViewModel vm) {
    TimeWindow shown = vm.analysedWindowProperty().get();
    TimeWindow next = vm.windowProperty().get();
    if (shown == null || next == null || Objects.equals(shown, next)) {
      return "";
    }
    java.time.Instant now = vm.clock().instant();
    java.time.ZoneId zone = vm.clock().getZone();
    return "Showing the analysis of "
        + StuckWords.window(shown, now, zone)
        + "; press Analyse for "
        + StuckWords.window(next, now, zone)
        + ".";
  }

  /** The compare choice for the toolbar. */
  static ComboBox<StuckBaseline> choice(StuckChangeModel changes) {
    ComboBox<StuckBaseline> box =
        new ComboBox<>(
            FXCollections.observableArrayList(
                OFF, StuckBaseline.PREVIOUS, StuckBaseline.DAY_EARLIER));
    box.setId("stuck-compare");
    box.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(StuckBaseline b) {
            return words(b);
          }

          @Override
          public StuckBaseline fromString(String s) {
            return null;
          }
        });
    box.setButtonCell(
        new javafx.scene.control.ListCell<>() {
          @Override
          protected void updateItem(StuckBaseline b, boolean empty) {
            super.updateItem(b, empty);
            setText(words(b));
          }
        });
    box.valueProperty().bindBidirectional(changes.baselineProperty());
    box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return box;
  }

  /** "Compare: off", "Compare: previous window", "Compare: a day earlier". */
  static String words(StuckBaseline b) {
    if (b == null) {
      return "Compare: off";
    }
    return b == StuckBaseline.PREVIOUS ? "Compare: previous window" : "Compare: a day earlier";
  }
}
