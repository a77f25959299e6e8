package org.hopscope.ui.playbook;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.playbook.ValueOrigin;
import org.hopscope.model.playbook.VariableValue;

/**
 * A variable of the chosen playbook, editable before the walk-through starts, with where its value
 * came from: a value taken from the search bar (rather than the playbook's default or the alert
 * link) says so, and a variable the playbook pins says which search-bar value it did not take.
 */
public final class VariableField {
  private final String name;
  private final String description;
  private final boolean pinned;
  private final StringProperty value;
  private final SimpleObjectProperty<ValueOrigin> origin;
  private final SimpleStringProperty note = new SimpleStringProperty("");

  VariableField(VariableValue v) {
    this.name = v.name();
    this.description = v.description();
    this.pinned = v.pinned();
    this.value = new SimpleStringProperty(v.value());
    this.origin = new SimpleObjectProperty<>(v.origin());
    note.set(note(v));
  }

  /** Shows {@code v} (same name): its value, origin and note. */
  void show(VariableValue v) {
    value.set(v.value());
    origin.set(v.origin());
    note.set(note(v));
  }

  /** The engineer typed the value. */
  void edited() {
    origin.set(ValueOrigin.GIVEN);
    note.set("");
  }

  /** "from the search bar", "from the alert link", "pinned: ... was not used", or "". */
  static String note(VariableValue v) {
    if (v.notTaken() != null) {
      return "pinned by the playbook: "
          + v.notTaken()
          + " from "
          + (v.name().equals("window") ? "the window in view" : "the search bar")
          + " not used";
    }
    return switch (v.origin()) {
      case SEARCH_BAR -> "from the search bar";
      case INCIDENT -> "from the open incident's window";
      case LINK -> "from the alert link";
      default -> "";
    };
  }

  public String name() {
    return name;
  }

  /** What the variable is for ("" when the playbook does not say). */
  public String description() {
    return description;
  }

  /** Whether the playbook pins its meaning (the search bar never fills it). */
  public boolean pinned() {
    return pinned;
  }

  /** The value to start with (editable). */
  public StringProperty value() {
    return value;
  }

  /** Where the value came from ({@link ValueOrigin#GIVEN} once typed). */
  public ReadOnlyObjectProperty<ValueOrigin> originProperty() {
    return origin;
  }

  /** What the form says under the field about the value's origin ("" for nothing). */
  public ReadOnlyStringProperty noteProperty() {
    return note;
  }
}
