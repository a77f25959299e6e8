package org.hopscope.model;

/**
 * A re-keying: events of {@code fromHop} carry, in {@code fromField}, the ID under which {@code
 * toHop} logs the message in {@code toField} (e.g. the erp-adapter's ERP document number that the
 * confirmation poller logs alone). Followed transitively by the flow assembler.
 *
 * @param fromHop hop whose events carry the new ID
 * @param fromField where the new ID is in those events
 * @param toHop hop that logs the new ID
 * @param toField where that hop has it
 * @param cardinality how many messages share one new ID, or null to detect it from the data
 */
public record IdLink(
    String fromHop, FieldPath fromField, String toHop, FieldPath toField, Cardinality cardinality) {

  /** A link whose cardinality is detected from the data. */
  public IdLink(String fromHop, FieldPath fromField, String toHop, FieldPath toField) {
    this(fromHop, fromField, toHop, toField, null);
  }

  /** How messages map onto the new IDs. */
  public enum Cardinality {
    /** One message, one new ID (a re-keying: the ERP document number). */
    ONE_TO_ONE,
    /**
     * Many messages share one new ID that the next hop logs alone (a batch, an EDI interchange, an
     * IDoc packet): the batch's downstream evidence is shared by its members.
     */
    MANY_TO_ONE,
    /** One message becomes several parts, each logged under its own ID downstream (a split). */
    ONE_TO_MANY;

    /** The path-definition spelling: one-to-one, many-to-one, one-to-many. */
    public String text() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }
}
