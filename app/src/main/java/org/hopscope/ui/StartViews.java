package org.hopscope.ui;

import javafx.beans.value.ChangeListener;
import org.hopscope.model.Flow;

/**
 * What {@code gui --view compare|alerts} opens beside the main view at start: the comparison of the
 * message of --id (with --with, else the nearest OK one) in its window once its flow is found,
 * sized as --size; the alerts panel.
 */
final class StartViews {

  private StartViews() {}

  static void open(HopscopeApp.Parts parts, OnCallViews onCall, GuiOptions options) {
    if ("alerts".equals(options.view) && onCall.alertsModel() != null) {
      onCall.alertsModel().openProperty().set(true);
    }
    if ("compare".equals(options.view)) {
      ChangeListener<Flow> once =
          new ChangeListener<>() {
            @Override
            public void changed(
                javafx.beans.value.ObservableValue<? extends Flow> o, Flow was, Flow now) {
              if (now != null) {
                parts.flow().flowProperty().removeListener(this);
                parts
                    .compare()
                    .open(
                        parts.stage(),
                        options.with == null ? null : options.with.strip(),
                        options.width(),
                        options.height());
              }
            }
          };
      parts.flow().flowProperty().addListener(once);
    }
  }
}
