package org.hopscope.ui.status;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.hopscope.model.Notice;
import org.hopscope.ui.look.ElisionCheck;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's bottom line: a coloured dot and text per source (tooltip: URL, cluster, exact
 * error), the active profile, what weakens its connection (TLS verification off ...; tooltip: each
 * notice), and the last query's duration and time.
 */
public final class StatusBar extends HBox {

  private final StatusViewModel vm;
  private Timeline polling;

  public StatusBar(StatusViewModel vm) {
    this.vm = vm;
    setId("status-bar");
    getStyleClass().addAll("status-bar", ElisionCheck.ESSENTIAL);
    getStylesheets().add(StatusBar.class.getResource("status.css").toExternalForm());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getChildren()
        .addAll(
            source("status-es", vm.elasticsearchProperty()),
            source("status-prometheus", vm.prometheusProperty()),
            shownWhenSet("status-profile", Feather.USER, vm.profileNameProperty()),
            notices(vm),
            spacer,
            shownWhenSet("status-last-query", Feather.CLOCK, vm.lastQueryProperty()));
  }

  private static Label shownWhenSet(String id, Feather icon, StringExpression text) {
    Label label = new Label();
    label.setId(id);
    label.setGraphic(new FontIcon(icon));
    label.textProperty().bind(text);
    label.visibleProperty().bind(text.isNotEmpty());
    label.setMinWidth(Region.USE_PREF_SIZE); // only the notices give way when space runs short
    return label;
  }

  private static Tooltip wideTip() {
    Tooltip tip = new Tooltip();
    tip.setWrapText(true);
    tip.setMaxWidth(520);
    return tip;
  }

  private static Label notices(StatusViewModel vm) {
    Label label = new Label();
    label.setId("status-notices");
    label.getStyleClass().addAll("status-notices", ElisionCheck.MAY_ELIDE); // whole text: tooltip
    label.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
    label.setMinWidth(0);
    HBox.setHgrow(label, Priority.SOMETIMES);
    Tooltip tip = wideTip();
    label.setTooltip(tip);
    label.textProperty().bind(joined(vm, " · "));
    tip.textProperty().bind(joined(vm, "\n"));
    label.visibleProperty().bind(Bindings.isNotEmpty(vm.connectionNotices()));
    label.managedProperty().bind(label.visibleProperty());
    return label;
  }

  private static StringBinding joined(StatusViewModel vm, String separator) {
    return Bindings.createStringBinding(
        () -> String.join(separator, vm.connectionNotices().stream().map(Notice::text).toList()),
        vm.connectionNotices());
  }

  private HBox source(String id, ObservableValue<SourceHealth> health) {
    Circle dot = new Circle(4.5);
    dot.setId(id + "-dot");
    dot.getStyleClass().add("health-dot");
    Label name = new Label();
    name.getStyleClass().add("status-source");
    Label text = new Label();
    text.setId(id);
    text.getStyleClass().add("health-text");
    Tooltip tip = wideTip();
    Runnable show =
        () -> {
          SourceHealth h = health.getValue();
          for (SourceHealth.Level l : SourceHealth.Level.values()) {
            dot.getStyleClass().remove(l.styleClass());
            text.getStyleClass().remove(l.styleClass());
          }
          dot.getStyleClass().add(h.level().styleClass());
          text.getStyleClass().add(h.level().styleClass());
          name.setText(h.source());
          text.setText(h.text());
          tip.setText(h.detail());
        };
    show.run();
    health.addListener((o, was, now) -> show.run());
    HBox box = new HBox(6, dot, name, text);
    box.setAlignment(Pos.CENTER_LEFT);
    box.setMinWidth(Region.USE_PREF_SIZE);
    Tooltip.install(box, tip);
    return box;
  }

  /** Refreshes the health every {@code every} (skipping while a refresh runs) until stopped. */
  public void startPolling(java.time.Duration every) {
    stopPolling();
    polling = new Timeline(new KeyFrame(Duration.millis(every.toMillis()), e -> vm.poll()));
    polling.setCycleCount(Animation.INDEFINITE);
    polling.play();
  }

  /** Stops {@link #startPolling}; harmless when not polling. */
  public void stopPolling() {
    if (polling != null) {
      polling.stop();
      polling = null;
    }
  }
}
