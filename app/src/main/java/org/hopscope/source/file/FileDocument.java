package org.hopscope.source.file;

import java.util.Map;
import org.hopscope.model.EventSourceDef;

/**
 * One span or log record of a file, as its format is stored in Elasticsearch (docs/trace-files.md).
 *
 * @param index where it came from: the export's {@code _index} when it names one, else the file's
 *     name
 * @param docId its identity: the export's {@code _id}, else {@code line N} or {@code line N #M}
 * @param kind a span or a log record; null for an exported document, which may be either
 * @param document the document (maps, lists, strings, numbers, booleans), not to be changed
 */
public record FileDocument(
    String index, String docId, EventSourceDef.Kind kind, Map<String, Object> document) {}
