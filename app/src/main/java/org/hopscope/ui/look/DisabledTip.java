package org.hopscope.ui.look;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * A control that is enabled only while {@code enabled} holds, with a tooltip that also shows while
 * it is disabled (JavaFX shows no tooltip on a disabled control, so the tooltip sits on a wrapper).
 */
public final class DisabledTip {

  private DisabledTip() {}

  /**
   * Binds {@code control}'s disable to {@code !enabled} and returns it wrapped, with a tooltip
   * saying {@code whenEnabled} or {@code whenDisabled}.
   */
  public static Node wrap(
      Control control, ObservableBooleanValue enabled, String whenEnabled, String whenDisabled) {
    control.disableProperty().bind(Bindings.not(enabled));
    Tooltip tip = new Tooltip();
    tip.textProperty().bind(Bindings.when(enabled).then(whenEnabled).otherwise(whenDisabled));
    StackPane wrapper = new StackPane(control);
    wrapper.setMaxSize(StackPane.USE_PREF_SIZE, StackPane.USE_PREF_SIZE);
    Tooltip.install(wrapper, tip);
    return wrapper;
  }
}
