package org.hopscope.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One stored event of a message at one hop, read through the hop's field map.
 *
 * @param hop hop name
 * @param timestamp event time as the emitting host recorded it (clock skew included), UTC
 * @param index the index it was found in
 * @param docId its document ID
 * @param level log level / severity, or null
 * @param message human-readable text, or null
 * @param traceId trace ID, or null
 * @param spanId span ID, or null
 * @param service emitting service, or null
 * @param attempt attempt number as logged, or null
 * @param failure whether the hop's failure conditions hold for it
 * @param deadLetter whether the hop's dead-letter conditions hold for it
 * @param ids the message-ID field values it carries (incl. re-keyed IDs), in field-map order
 * @param document the stored document ({@code _source}), for display and export
 * @param kind whether it was read from a log or a span source (null: not known, shown as a log)
 * @param name a span's name as its field map names it, or null
 * @param duration a span's length as its field map reads it, or null (unknown, never zero)
 * @param outcome a span's outcome or status as stored (e.g. {@code success}, {@code Error}), or
 *     null
 */
public record FlowEvent(
    String hop,
    Instant timestamp,
    String index,
    String docId,
    String level,
    String message,
    String traceId,
    String spanId,
    String service,
    Integer attempt,
    boolean failure,
    boolean deadLetter,
    List<String> ids,
    Map<String, Object> document,
    EventSourceDef.Kind kind,
    String name,
    Duration duration,
    String outcome) {

  /** An event without span facts (kind, name, duration, outcome unknown). */
  public FlowEvent(
      String hop,
      Instant timestamp,
      String index,
      String docId,
      String level,
      String message,
      String traceId,
      String spanId,
      String service,
      Integer attempt,
      boolean failure,
      boolean deadLetter,
      List<String> ids,
      Map<String, Object> document) {
    this(
        hop,
        timestamp,
        index,
        docId,
        level,
        message,
        traceId,
        spanId,
        service,
        attempt,
        failure,
        deadLetter,
        ids,
        document,
        null,
        null,
        null,
        null);
  }

  public FlowEvent {
    ids = List.copyOf(ids);
  }

  /** Whether it was read from a span source. */
  public boolean span() {
    return kind == EventSourceDef.Kind.SPAN;
  }
}
