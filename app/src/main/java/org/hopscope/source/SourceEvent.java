package org.hopscope.source;

import java.util.Map;
import org.hopscope.model.EventSourceDef;

/**
 * A stored document found by an {@link IdQuery}.
 *
 * @param hop hop name of the query that found it
 * @param source the hop source it belongs to
 * @param index concrete index
 * @param docId document ID
 * @param document the {@code _source}, parsed (maps, lists, strings, numbers, booleans)
 */
public record SourceEvent(
    String hop, EventSourceDef source, String index, String docId, Map<String, Object> document) {}
