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
 */
public record IdLink(String fromHop, FieldPath fromField, String toHop, FieldPath toField) {}
