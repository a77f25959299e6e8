package org.hopscope.model.playbook;

import java.util.Objects;

/**
 * A playbook variable's bound value and where it came from (see {@link PlaybookVariables#resolve}).
 *
 * @param name the variable
 * @param value its value ("" for none)
 * @param origin where the value came from
 * @param description what the variable is ("" when the playbook does not say)
 * @param pinned the playbook pins its meaning: context (the search bar, the open incident) never
 *     fills it
 * @param notTaken a context value a pinned variable did not take (the search bar's hop when the
 *     variable means "the hop calling the ERP"), or null
 */
public record VariableValue(
    String name,
    String value,
    ValueOrigin origin,
    String description,
    boolean pinned,
    String notTaken) {

  public VariableValue {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(origin, "origin");
    description = description == null ? "" : description;
  }

  /**
   * The same variable with {@code value} from {@code origin} (a value that replaced it, so no
   * context value is left untaken).
   */
  public VariableValue with(String newValue, ValueOrigin newOrigin) {
    return new VariableValue(name, newValue, newOrigin, description, pinned, null);
  }
}
