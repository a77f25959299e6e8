package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Notice;
import org.hopscope.source.RawDocument;
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
   * @param notices one line per hop and index that had unreadable documents
   */
  public record Read(List<FlowEvent> events, List<Notice> notices) {}

  /**
   * Reads more of each event: gets the event, its document and that document parsed once ({@link
   * RawDocument#parsed}). Called on several threads at once for large batches.
   */
  interface Also<T> {
    T read(FlowEvent event, SourceEvent from, Map<String, Object> parsed);
  }

  /** What {@link #readEach} gave per readable document, in input order, and the notices. */
  record Each<T>(List<T> read, List<Notice> notices) {}

  /** Documents per part from which a batch is read in parts on several threads. */
  static final int PART = 10_000;

  /** Most parts one batch is read in. */
  static final int MAX_PARTS = 4;

  /** Reads {@code documents}; never throws for bad documents. */
  public Read read(List<SourceEvent> documents) {
    Each<FlowEvent> each = readEach(documents, (e, d, doc) -> e);
    return new Read(each.read(), each.notices());
  }

  /**
   * As {@link #read(List)}, handing each event read to {@code also}. A large batch is read in parts
   * at once (the calling thread and the common pool); the answer is the same as read in one go.
   */
  <T> Each<T> readEach(List<SourceEvent> documents, Also<T> also) {
    int cores = Math.min(MAX_PARTS, Runtime.getRuntime().availableProcessors());
    int parts = Math.max(1, Math.min(cores, documents.size() / PART));
    int per = (documents.size() + parts - 1) / parts;
    List<CompletableFuture<Part<T>>> others = new ArrayList<>();
    for (int i = 1; i < parts; i++) {
      List<SourceEvent> slice =
          documents.subList(
              Math.min(documents.size(), i * per), Math.min(documents.size(), (i + 1) * per));
      others.add(CompletableFuture.supplyAsync(() -> part(slice, also)));
    }
    List<Part<T>> done = new ArrayList<>();
    done.add(part(documents.subList(0, Math.min(documents.size(), per)), also));
    for (CompletableFuture<Part<T>> other : others) {
      try {
        done.add(other.join());
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    List<T> read = new ArrayList<>(documents.size());
    Map<String, Skipped> skipped = new LinkedHashMap<>();
    for (Part<T> part : done) {
      read.addAll(part.read());
      part.skipped()
          .forEach(
              (k, s) ->
                  skipped.computeIfAbsent(k, x -> new Skipped(s.first, s.fields, s.reason))
                          .count[0] +=
                      s.count[0]);
    }
    List<Notice> notices = new ArrayList<>();
    for (Skipped s : skipped.values()) {
      notices.add(
          new Notice.UnreadableTimestamps(
              s.count[0],
              s.first.hop(),
              s.first.index(),
              s.fields.timestamp().toString(),
              s.fields.timestampFormat().name().toLowerCase(java.util.Locale.ROOT),
              s.first.docId(),
              s.reason));
    }
    return new Each<>(read, notices);
  }

  private record Part<T>(List<T> read, Map<String, Skipped> skipped) {}

  private static <T> Part<T> part(List<SourceEvent> documents, Also<T> also) {
    List<T> read = new ArrayList<>(documents.size());
    Map<String, Skipped> skipped = new LinkedHashMap<>();
    Map<FieldMap, Fields> prepared = new IdentityHashMap<>();
    for (SourceEvent d : documents) {
      FieldMap f = d.source().fields();
      Fields fields = prepared.computeIfAbsent(f, Fields::new);
      Map<String, Object> doc = RawDocument.parsed(d.document());
      Instant at;
      try {
        at = IsoInstants.parse(f.timestampFormat(), fields.timestamp.readFirst(doc));
      } catch (IllegalArgumentException e) {
        skipped.computeIfAbsent(
                d.hop() + "\u0000" + d.index(), k -> new Skipped(d, f, e.getMessage()))
            .count[0]++;
        continue;
      }
      read.add(also.read(fields.toEvent(d, doc, at), d, doc));
    }
    return new Part<>(read, skipped);
  }

  /** Most distinct values one reader shares before it starts over. */
  private static final int SHARED_VALUES = 10_000;

  /** One source's {@link FieldMap} prepared for reading many documents. */
  private static final class Fields {
    final FieldReader timestamp;
    final List<FieldReader> messageIds;
    final FieldReader level;
    final FieldReader message;
    final FieldReader traceId;
    final FieldReader spanId;
    final FieldReader service;
    final FieldReader attempt;
    final List<FieldReader.Test> failure;
    final List<FieldReader.Test> deadLetter;
    final List<FieldReader> name;
    final List<FieldReader> duration;
    final FieldReader outcome;
    final FieldMap map;
    // one message's events repeat these values: one instance each keeps 100,000 events small
    private final Map<String, String> shared = new HashMap<>();
    private List<String> lastIds = List.of();

    Fields(FieldMap f) {
      timestamp = FieldReader.of(f.timestamp());
      messageIds = f.messageIds().stream().map(FieldReader::of).toList();
      level = FieldReader.of(f.level());
      message = FieldReader.of(f.message());
      traceId = FieldReader.of(f.traceId());
      spanId = FieldReader.of(f.spanId());
      service = FieldReader.of(f.service());
      attempt = FieldReader.of(f.attempt());
      failure = FieldReader.tests(f.failure());
      deadLetter = FieldReader.tests(f.deadLetter());
      name = f.name().stream().map(FieldReader::of).toList();
      duration = f.duration().stream().map(FieldReader::of).toList();
      outcome = FieldReader.of(f.outcome());
      map = f;
    }

    /** The event of {@code d}, read from {@code doc} (its document, parsed). */
    FlowEvent toEvent(SourceEvent d, Map<String, Object> doc, Instant at) {
      Set<String> ids = new LinkedHashSet<>();
      for (FieldReader p : messageIds) {
        for (Object v : p.read(doc)) {
          ids.add(String.valueOf(v));
        }
      }
      return new FlowEvent(
          d.hop(),
          at,
          d.index(),
          d.docId(),
          shared(text(level, doc)),
          text(message, doc),
          shared(text(traceId, doc)),
          text(spanId, doc),
          shared(text(service, doc)),
          number(attempt, doc),
          FieldReader.any(failure, doc),
          FieldReader.any(deadLetter, doc),
          ids(ids),
          d.document(),
          d.source().kind(),
          shared(first(name, doc)),
          map.durationUnit().parse(first(duration, doc)),
          shared(text(outcome, doc)));
    }

    private String shared(String value) {
      if (value == null) {
        return null;
      }
      if (shared.size() > SHARED_VALUES) {
        shared.clear();
      }
      String had = shared.putIfAbsent(value, value);
      return had == null ? value : had;
    }

    private List<String> ids(Set<String> ids) {
      if (!same(lastIds, ids)) {
        List<String> list = new ArrayList<>(ids.size());
        ids.forEach(id -> list.add(shared(id)));
        lastIds = List.copyOf(list);
      }
      return lastIds;
    }

    private static boolean same(List<String> list, Set<String> set) {
      if (list.size() != set.size()) {
        return false;
      }
      int i = 0;
      for (String id : set) {
        if (!id.equals(list.get(i++))) {
          return false;
        }
      }
      return true;
    }
  }

  /** The value of the first of {@code paths} the document has, or null. */
  private static String first(List<FieldReader> paths, Map<String, ?> doc) {
    for (FieldReader p : paths) {
      String v = p.readFirst(doc);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static String text(FieldReader p, Map<String, ?> doc) {
    return p == null ? null : p.readFirst(doc);
  }

  private static Integer number(FieldReader p, Map<String, ?> doc) {
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

  /** A hop and index's unreadable documents: the first, its fields, why, and how many. */
  private record Skipped(SourceEvent first, FieldMap fields, String reason, int[] count) {
    Skipped(SourceEvent first, FieldMap fields, String reason) {
      this(first, fields, reason, new int[1]);
    }
  }
}
