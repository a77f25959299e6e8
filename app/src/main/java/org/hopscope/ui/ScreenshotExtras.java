package org.hopscope.ui;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.hopscope.model.alert.AlertState;
import org.hopscope.model.alert.AlertsReport;
import org.hopscope.ui.alerts.AlertsViewModel;
import org.hopscope.ui.compare.CompareViewModel;
import org.hopscope.ui.stuck.StuckChangeModel;

/**
 * What {@link ScreenshotMode} waits for beyond the main view: the comparison of {@code --view
 * compare} (its window is the picture), the firing alerts of {@code --view alerts} (read again
 * every few seconds until one fires: rules fire a while after their condition starts), the
 * what-changed figures of {@code --compare}. Each adds to the ready condition and names why it
 * failed.
 */
final class ScreenshotExtras {

  private static final Duration ALERTS_AGAIN = Duration.seconds(5);

  private final HopscopeApp.Parts parts;
  private final OnCallViews onCall;
  private final GuiOptions options;
  private PauseTransition again;

  ScreenshotExtras(HopscopeApp.Parts parts, OnCallViews onCall, GuiOptions options) {
    this.parts = parts;
    this.onCall = onCall;
    this.options = options;
  }

  /** {@code ready} and what the extras wait for. */
  BooleanBinding ready(BooleanBinding ready) {
    // the alerts badge's answer too, so no picture says "alerts …" (or catches it changing)
    AlertsViewModel badge = onCall.alertsModel();
    BooleanBinding out =
        badge == null
            ? ready
            : ready.and(
                Bindings.createBooleanBinding(
                    () ->
                        !badge.loadingProperty().get()
                            && (badge.reportProperty().get() != null
                                || !badge.problemProperty().get().isEmpty()),
                    badge.loadingProperty(),
                    badge.reportProperty(),
                    badge.problemProperty()));
    if ("compare".equals(options.view)) {
      CompareViewModel compare = parts.compare().model();
      out = out.and(compare.stateProperty().isEqualTo(CompareViewModel.State.DONE));
    }
    if ("alerts".equals(options.view)) {
      AlertsViewModel alerts = onCall.alertsModel();
      out =
          out.and(
              Bindings.createBooleanBinding(
                  () ->
                      firing(alerts.reportProperty().get()) > 0 && !alerts.loadingProperty().get(),
                  alerts.reportProperty(),
                  alerts.loadingProperty()));
      alerts.loadingProperty().addListener((o, was, now) -> readAgainUnlessFiring(alerts));
      readAgainUnlessFiring(alerts);
    }
    if (options.compare != null) {
      StuckChangeModel changes = parts.window().changes();
      out = out.and(changes.comparisonProperty().isNotNull());
    }
    return out;
  }

  /** {@code failure}, else why an extra failed (null: none). */
  StringBinding failure(StringBinding failure) {
    CompareViewModel compare = parts.compare().model();
    StuckChangeModel changes = parts.window().changes();
    return Bindings.createStringBinding(
        () -> {
          if (failure.get() != null) {
            return failure.get();
          }
          if ("compare".equals(options.view)) {
            switch (compare.stateProperty().get()) {
              case FAILED:
                return "the comparison failed: " + compare.problemProperty().get();
              case NONE:
                return "nothing to compare "
                    + options.id
                    + " with: "
                    + compare.comparisonProperty().get().basis().text();
              default:
                break;
            }
            if (!compare.problemProperty().get().isEmpty()) {
              return "the comparison could not start: " + compare.problemProperty().get();
            }
          }
          if (options.compare != null && !changes.problemProperty().get().isEmpty()) {
            return "what changed could not be shown: " + changes.problemProperty().get();
          }
          return null;
        },
        failure,
        compare.stateProperty(),
        compare.problemProperty(),
        changes.problemProperty());
  }

  /** The scene to write: the compare window's for {@code --view compare}, else the main one. */
  Scene scene() {
    if ("compare".equals(options.view) && parts.compare().stage() != null) {
      return parts.compare().stage().getScene();
    }
    return parts.stage().getScene();
  }

  /** What the extras were at when the patience ran out ("" when none). */
  String state() {
    StringBuilder sb = new StringBuilder();
    if ("compare".equals(options.view)) {
      sb.append(", comparison: ").append(parts.compare().model().stateProperty().get());
    }
    if ("alerts".equals(options.view)) {
      AlertsViewModel alerts = onCall.alertsModel();
      AlertsReport r = alerts.reportProperty().get();
      sb.append(", alerts: ")
          .append(
              r != null
                  ? r.headline()
                  : alerts.problemProperty().get().isEmpty()
                      ? "not read yet"
                      : alerts.problemProperty().get());
    }
    if (options.compare != null) {
      String status = parts.window().changes().statusProperty().get();
      sb.append(", what changed: ").append(status.isEmpty() ? "not compared" : status);
    }
    return sb.toString();
  }

  void stop() {
    if (again != null) {
      again.stop();
    }
  }

  private void readAgainUnlessFiring(AlertsViewModel alerts) {
    if (firing(alerts.reportProperty().get()) > 0 || alerts.loadingProperty().get()) {
      return;
    }
    if (again == null) {
      again = new PauseTransition(ALERTS_AGAIN);
      again.setOnFinished(e -> alerts.refresh());
    }
    again.playFromStart();
  }

  private static long firing(AlertsReport r) {
    return r == null ? 0 : r.count(AlertState.FIRING);
  }
}
