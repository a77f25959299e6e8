package org.hopscope.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A test on one field of an event, e.g. "counts as failure when {@code event.outcome} equals {@code
 * failure}" or "{@code http.response.status_code} at least 500".
 *
 * @param field where the value is
 * @param op how it is compared
 * @param values the operands (strings; numeric for {@link Op#AT_LEAST}); empty for {@link
 *     Op#EXISTS}
 * @param terminal for a failure condition: the failure ends the message whatever follows (a
 *     rejection); otherwise a later attempt or later evidence recovers it
 */
public record Condition(FieldPath field, Op op, List<String> values, boolean terminal) {

  /** A condition that is not terminal. */
  public Condition(FieldPath field, Op op, List<String> values) {
    this(field, op, values, false);
  }

  /** Comparison operators; a closed set that every event source can push down. */
  public enum Op {
    /** The value equals one of {@code values} (exact, case-sensitive). */
    IN,
    /** The value is a number at least {@code values[0]}. */
    AT_LEAST,
    /** The field has any value. */
    EXISTS
  }

  public Condition {
    values = List.copyOf(values);
  }

  /** Whether some value at {@link #field} in {@code document} satisfies the condition. */
  public boolean matches(Map<String, ?> document) {
    for (Object v : field.read(document)) {
      String s = String.valueOf(v);
      boolean hit =
          switch (op) {
            case IN -> values.contains(s);
            case EXISTS -> true;
            case AT_LEAST -> atLeast(s, values.get(0));
          };
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private static boolean atLeast(String value, String bound) {
    try {
      return new BigDecimal(value).compareTo(new BigDecimal(bound)) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
