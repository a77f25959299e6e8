package org.hopscope.source;

import java.util.Set;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;

/**
 * Find the events of one hop source whose {@code field} holds one of {@code values} (exact {@code
 * term}s on keyword fields; user text is never parsed as query syntax).
 *
 * @param hop hop name (copied into the results)
 * @param source where to look
 * @param field which field to match (dotted or keyed-array form)
 * @param values the IDs
 * @param excludingMessageIds leave out documents whose message-ID fields (of {@code source}) hold
 *     one of these: the flow search asks for them by ID anyway, so following a trace ID need not
 *     fetch them again (a chatty message's 100,000 events once, not twice); empty: exclude nothing
 */
public record IdQuery(
    String hop,
    EventSourceDef source,
    FieldPath field,
    Set<String> values,
    Set<String> excludingMessageIds) {

  public IdQuery {
    values = Set.copyOf(values);
    excludingMessageIds = Set.copyOf(excludingMessageIds);
  }

  /** A query that excludes nothing. */
  public IdQuery(String hop, EventSourceDef source, FieldPath field, Set<String> values) {
    this(hop, source, field, values, Set.of());
  }
}
