package org.hopscope.ui.playbook;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A variable of the chosen playbook, editable before the walk-through starts. */
public final class VariableField {
  private final String name;
  private final String description;
  private final StringProperty value;

  VariableField(String name, String description, String value) {
    this.name = name;
    this.description = description;
    this.value = new SimpleStringProperty(value);
  }

  public String name() {
    return name;
  }

  /** What the variable is for ("" when the playbook does not say). */
  public String description() {
    return description;
  }

  /** The value to start with (editable). */
  public StringProperty value() {
    return value;
  }
}
