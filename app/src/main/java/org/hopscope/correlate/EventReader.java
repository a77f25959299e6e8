package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.FlowEvent;
import org.hopscope.source.SourceEvent;

/**
 * Reads stored documents through their source's {@link FieldMap} into {@link FlowEvent}s. A
 * document without a readable timestamp cannot be placed on the timeline: it is skipped and
 * reported (hop, index, document ID, why), never fatal.
 */
public final class EventReader {

  /**
   * What a batch of documents came to.
   *
   * @param events readable events, in input order
   * @param warnings one line per hop and index that had unreadable documents
   */
  public record Read(List<FlowEvent> events, List<String> warnings) {}

  /** Reads {@code documents}; never throws for bad documents. */
  public Read read(List<SourceEvent> documents) {
    List<FlowEvent> events = new ArrayList<>(documents.size());
    Map<String, Skipped> skipped = new LinkedHashMap<>();
    for (SourceEvent d : documents) {
      FieldMap f = d.source().fields();
      Instant at;
      try {
        at = f.timestampFormat().parse(f.timestamp().readFirst(d.document()));
      } catch (IllegalArgumentException e) {
        skipped.computeIfAbsent(
                d.hop() + "\u0000" + d.index(), k -> new Skipped(d, f, e.getMessage()))
            .count++;
        continue;
      }
      events.add(toEvent(d, f, at));
    }
    List<String> warnings = new ArrayList<>();
    for (Skipped s : skipped.values()) {
      warnings.add(
          String.format(
              "skipped %d document(s) of hop %s in index %s without a readable timestamp"
                  + " (field %s, format %s), e.g. document %s: %s",
              s.count,
              s.first.hop(),
              s.first.index(),
              s.fields.timestamp(),
              s.fields.timestampFormat().name().toLowerCase(java.util.Locale.ROOT),
              s.first.docId(),
              s.reason));
    }
    return new Read(events, warnings);
  }

  /** Reads one document whose timestamp is known to be readable. */
  FlowEvent toEvent(SourceEvent d, FieldMap f, Instant at) {
    Map<String, Object> doc = d.document();
    Set<String> ids = new LinkedHashSet<>();
    for (FieldPath p : f.messageIds()) {
      for (Object v : p.read(doc)) {
        ids.add(String.valueOf(v));
      }
    }
    return new FlowEvent(
        d.hop(),
        at,
        d.index(),
        d.docId(),
        text(f.level(), doc),
        text(f.message(), doc),
        text(f.traceId(), doc),
        text(f.spanId(), doc),
        text(f.service(), doc),
        number(f.attempt(), doc),
        any(f.failure(), doc),
        any(f.deadLetter(), doc),
        List.copyOf(ids),
        doc);
  }

  static boolean any(List<Condition> conditions, Map<String, ?> doc) {
    for (Condition c : conditions) {
      if (c.matches(doc)) {
        return true;
      }
    }
    return false;
  }

  private static String text(FieldPath p, Map<String, ?> doc) {
    return p == null ? null : p.readFirst(doc);
  }

  private static Integer number(FieldPath p, Map<String, ?> doc) {
    String s = text(p, doc);
    if (s == null) {
      return null;
    }
    try {
      return Integer.valueOf(s.trim());
    } catch (NumberFormatException e) {
      return null; // an attempt label that is no number is shown as absent, not guessed
    }
  }

  private static final class Skipped {
    final SourceEvent first;
    final FieldMap fields;
    final String reason;
    int count;

    Skipped(SourceEvent first, FieldMap fields, String reason) {
      this.first = first;
      this.fields = fields;
      this.reason = reason;
    }
  }
}
