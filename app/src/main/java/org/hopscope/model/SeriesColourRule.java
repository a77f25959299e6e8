package org.hopscope.model;

import java.util.Map;
import java.util.Objects;

/**
 * A panel's colour override for the series it matches: {@code failed: red} matches any series with
 * a label whose value is {@code failed} (or, for a series without labels, whose legend is {@code
 * failed}); {@code outcome=failed: red} matches only the label {@code outcome}.
 *
 * @param label the label name, or null for any label
 * @param value the label value (exact, case-sensitive)
 * @param colour the colour family to draw the series in
 */
public record SeriesColourRule(String label, String value, SeriesColour colour) {

  public SeriesColourRule {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(colour, "colour");
  }

  /** Whether the series with these labels (and this legend text) is meant. */
  public boolean matches(Map<String, String> labels, String legend) {
    if (label != null) {
      return value.equals(labels.get(label));
    }
    return labels.containsValue(value) || (labels.isEmpty() && value.equals(legend));
  }

  /** As written in a path definition: {@code outcome=failed} or {@code failed}. */
  public String key() {
    return label == null ? value : label + "=" + value;
  }
}
