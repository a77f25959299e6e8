package org.hopscope.ui.flow;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.FlowEvent;

/**
 * What the user has selected in the shown flow, shared by every view of it: clicking a hop in the
 * diagram, a lane in the timeline or a row in the events table selects it everywhere. Cleared when
 * a new flow is shown.
 */
public final class FlowSelection {

  private final StringProperty hop = new SimpleStringProperty(this, "hop");
  private final ObjectProperty<FlowEvent> event = new SimpleObjectProperty<>(this, "event");

  public StringProperty hopProperty() {
    return hop;
  }

  /** The selected event, or null; selecting one also selects its hop. */
  public ObjectProperty<FlowEvent> eventProperty() {
    return event;
  }

  public void select(FlowEvent e) {
    if (e != null) {
      hop.set(e.hop());
    }
    event.set(e);
  }

  public void clear() {
    event.set(null);
    hop.set(null);
  }
}
