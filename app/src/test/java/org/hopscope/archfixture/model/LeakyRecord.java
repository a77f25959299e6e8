package org.hopscope.archfixture.model;

import javafx.beans.property.SimpleStringProperty;

/** A deliberate layering violation: a model type holding a JavaFX property (LayeringTest). */
public final class LeakyRecord {
  final SimpleStringProperty name = new SimpleStringProperty("leak");
}
