package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.source.SourceEvent;

/**
 * Which of a round's read events belong to the message {@link IdFollower} follows, and what was
 * accepted so far: the message's IDs and traces, its events, the events left out and the batches
 * met (values the message shares with other messages). An event belongs to the message when it
 * carries one of the message's IDs, lies on the trace the user typed, or lies on a followed trace
 * without carrying any message ID. One instance per search (not thread-safe).
 */
final class EventAcceptance {

  private final EventReader reader = new EventReader();
  private final Set<String> ids = new LinkedHashSet<>();
  private final Set<String> traces = new LinkedHashSet<>();
  private final Map<DocKey, FoundEvent> events = new LinkedHashMap<>();
  private final Map<DocKey, FlowEvent> leftOut = new LinkedHashMap<>();
  private final Map<String, Set<String>> batches = new LinkedHashMap<>();
  private final Map<String, String> batchHops = new LinkedHashMap<>();

  /** Per shared value: the message IDs of accepted events carrying it. */
  private final Map<String, Set<String>> ownCarriers = new LinkedHashMap<>();

  /** The path's link readers and attempt tests, prepared at the first round. */
  private LinkValues links;

  private final Map<EventSourceDef, List<FieldReader.Test>> starts = new IdentityHashMap<>();
  private final Map<EventSourceDef, List<FieldReader.Test>> terminal = new IdentityHashMap<>();

  EventAcceptance() {}

  /** An acceptance in {@code other}'s state, changed on its own from here on. */
  EventAcceptance(EventAcceptance other) {
    ids.addAll(other.ids);
    traces.addAll(other.traces);
    events.putAll(other.events);
    leftOut.putAll(other.leftOut);
    other.batches.forEach((k, v) -> batches.put(k, new LinkedHashSet<>(v)));
    batchHops.putAll(other.batchHops);
    other.ownCarriers.forEach((k, v) -> ownCarriers.put(k, new LinkedHashSet<>(v)));
    links = other.links;
    starts.putAll(other.starts);
    terminal.putAll(other.terminal);
  }

  /** Makes {@code id} one of the message's IDs (the typed value, before the first round). */
  void addId(String id) {
    ids.add(id);
  }

  /** The message's IDs known so far, in discovery order. */
  Set<String> ids() {
    return Collections.unmodifiableSet(ids);
  }

  /** The trace IDs of the accepted events, in discovery order. */
  Set<String> traces() {
    return Collections.unmodifiableSet(traces);
  }

  /** The accepted events, in acceptance order. */
  List<FoundEvent> events() {
    return List.copyOf(events.values());
  }

  /**
   * Per batch ID (a many-to-one link's value that the message shares with other messages): the
   * other messages' IDs found carrying it, in discovery order; this acceptance's own map.
   */
  Map<String, Set<String>> batches() {
    return batches;
  }

  /** Per batch ID: the hop that batched; this acceptance's own map. */
  Map<String, String> batchHops() {
    return batchHops;
  }

  /**
   * The events read but not accepted, less those whose IDs are all other members of one batch (they
   * are the batch's siblings, not left out).
   */
  List<FlowEvent> leftOut() {
    leftOut.keySet().removeAll(events.keySet());
    leftOut
        .values()
        .removeIf(
            e ->
                !e.ids().isEmpty()
                    && batches.values().stream().anyMatch(m -> m.containsAll(e.ids())));
    return List.copyOf(leftOut.values());
  }

  private record DocKey(String index, String docId) {}

  /**
   * What the acceptance of one read event needs from its document.
   *
   * @param linked link values that make the event the message's when known (either side of a
   *     one-to-one or one-to-many link, the downstream side of any link)
   * @param shared values of many-to-one (or undeclared) links on their upstream side: a batch ID
   *     that other messages' events may carry too
   */
  private record Read(
      FlowEvent event,
      EventSourceDef source,
      List<String> linked,
      List<LinkValues.Shared> shared,
      boolean start,
      boolean terminal,
      List<List<String>> linkFrom) {}

  /** Prepares the path's readers once per search, not once per round. */
  private void prepare(PathDef path) {
    if (links != null) {
      return;
    }
    links = new LinkValues(path);
    for (Hop hop : path.hops()) {
      for (EventSourceDef s : hop.sources()) {
        starts.put(s, FieldReader.tests(s.fields().attemptStart()));
        terminal.put(s, FieldReader.tests(s.fields().terminal()));
      }
    }
  }

  /**
   * Reads {@code found} and accepts what belongs to the message; returns the notices of the read
   * (unreadable documents).
   */
  List<Notice> accept(PathDef path, List<SourceEvent> found, String query) {
    prepare(path);
    LinkValues links = this.links;
    // read on several threads: starts and links are only read from there
    EventReader.Each<Read> read =
        reader.readEach(
            found,
            (e, d, doc) -> {
              List<FieldReader.Test> start = starts.get(d.source());
              if (start == null) {
                start = FieldReader.tests(d.source().fields().attemptStart());
              }
              List<FieldReader.Test> ends = terminal.get(d.source());
              if (ends == null) {
                ends = FieldReader.tests(d.source().fields().terminal());
              }
              return new Read(
                  e,
                  d.source(),
                  links.linked(e, doc),
                  links.shared(e, doc),
                  FieldReader.any(start, doc),
                  e.failure() && FieldReader.any(ends, doc),
                  links.from(e, doc));
            });
    List<Read> pending = read.read();
    // accept in passes: an event accepted for its link value can make another event's ID known;
    // events known only by a shared (batch) value are decided when nothing else moves
    boolean progress = true;
    while (progress) {
      pending = acceptKnown(pending, query);
      progress = acceptSharedBy(path, pending);
    }
    for (Read r : pending) {
      leftOut.put(new DocKey(r.event().index(), r.event().docId()), r.event());
    }
    return read.notices();
  }

  /** Accepts what carries a known ID or trace until nothing moves; returns the rest. */
  private List<Read> acceptKnown(List<Read> reads, String query) {
    List<Read> pending = reads;
    boolean progress = true;
    while (progress) {
      progress = false;
      List<Read> rest = new ArrayList<>();
      for (Read r : pending) {
        FlowEvent e = r.event();
        if (events.containsKey(new DocKey(e.index(), e.docId()))) {
          continue;
        }
        boolean ours =
            anyKnown(e.ids())
                || anyKnown(r.linked())
                || query.equals(e.traceId())
                || (e.ids().isEmpty() && traces.contains(e.traceId()));
        if (ours) {
          take(r);
          progress = true;
        } else {
          rest.add(r);
        }
      }
      pending = rest;
    }
    return pending;
  }

  private void take(Read r) {
    FlowEvent e = r.event();
    events.put(
        new DocKey(e.index(), e.docId()),
        new FoundEvent(e, r.source(), r.start(), r.terminal(), r.linkFrom()));
    ids.addAll(e.ids());
    ids.addAll(r.linked());
    for (LinkValues.Shared v : r.shared()) {
      ids.add(v.value());
      ownCarriers.computeIfAbsent(v.value(), x -> new LinkedHashSet<>()).addAll(messageKey(e));
    }
    if (e.traceId() != null) {
      traces.add(e.traceId());
    }
  }

  /**
   * Decides the events known only by a shared value: one that carries no message ID, or the only
   * message carrying a value of an undeclared link (a re-keying found backwards), is the message's;
   * several messages carrying it (or a declared many-to-one link) make it a batch whose other
   * members stay out. Returns whether any event was accepted.
   */
  private boolean acceptSharedBy(PathDef path, List<Read> pending) {
    Map<String, List<Read>> byValue = new LinkedHashMap<>();
    Map<String, Boolean> declared = new LinkedHashMap<>();
    for (Read r : pending) {
      for (LinkValues.Shared v : r.shared()) {
        if (ids.contains(v.value())) {
          byValue.computeIfAbsent(v.value(), x -> new ArrayList<>()).add(r);
          declared.merge(v.value(), v.manyToOne(), Boolean::logicalOr);
        }
      }
    }
    boolean progress = false;
    for (Map.Entry<String, List<Read>> e : byValue.entrySet()) {
      Set<String> carriers = new LinkedHashSet<>(ownCarriers.getOrDefault(e.getKey(), Set.of()));
      e.getValue().forEach(r -> carriers.addAll(messageKey(r.event())));
      boolean batch = declared.get(e.getKey()) || carriers.size() > 1 || isBatch(e.getKey());
      for (Read r : e.getValue()) {
        if (events.containsKey(new DocKey(r.event().index(), r.event().docId()))) {
          continue;
        }
        if (r.event().ids().isEmpty() || !batch) {
          take(r);
          progress = true;
        } else {
          Set<String> members = batches.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>());
          batchHops.putIfAbsent(e.getKey(), r.event().hop());
          r.event().ids().stream().filter(id -> !ids.contains(id)).forEach(members::add);
        }
      }
    }
    return progress;
  }

  private boolean isBatch(String value) {
    return batches.containsKey(value);
  }

  private static List<String> messageKey(FlowEvent e) {
    return e.ids().isEmpty() ? List.of() : List.of(e.ids().get(0));
  }

  private boolean anyKnown(List<String> values) {
    for (String v : values) {
      if (ids.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
