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
 */
public record IdQuery(String hop, EventSourceDef source, FieldPath field, Set<String> values) {
  public IdQuery {
    values = Set.copyOf(values);
  }
}
