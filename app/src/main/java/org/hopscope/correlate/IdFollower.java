package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.FirstPages;
import org.hopscope.source.SourceEvent;

/**
 * Finds one message's events in rounds: the first round asks every hop source for the typed value
 * as a message ID, a linked ID and a trace ID; each further round asks only for values not asked
 * yet: IDs found in the message's events (message-ID fields, both ends of every ID link) and the
 * trace IDs of its events. An event belongs to the message when it carries one of the message's
 * IDs, lies on the trace the user typed, or lies on a followed trace without carrying any message
 * ID; an event on a followed trace that carries another message's ID is left out (and reported), so
 * a shared trace never pulls in other messages. One instance per search (not thread-safe).
 */
final class IdFollower {

  /**
   * What the rounds found.
   *
   * @param batches per batch ID (a many-to-one link's value that the message shares with other
   *     messages): the other messages' IDs found carrying it, in discovery order
   * @param batchHops per batch ID: the hop that batched
   */
  record Found(
      List<FoundEvent> events,
      List<String> ids,
      List<Notice> notices,
      Map<String, Set<String>> batches,
      Map<String, String> batchHops) {}

  private final EventSource source;
  private final FlowOptions options;
  private final EventReader reader = new EventReader();
  private final Set<String> ids = new LinkedHashSet<>();
  private final Set<String> traces = new LinkedHashSet<>();
  private final Set<String> askedIds = new LinkedHashSet<>();
  private final Set<String> askedTraces = new LinkedHashSet<>();
  private final Map<DocKey, FoundEvent> events = new LinkedHashMap<>();
  private final Map<DocKey, FlowEvent> leftOut = new LinkedHashMap<>();
  private final Set<Notice> notices = new LinkedHashSet<>();
  private final Map<String, Set<String>> batches = new LinkedHashMap<>();
  private final Map<String, String> batchHops = new LinkedHashMap<>();

  /** Per shared value: the message IDs of accepted events carrying it. */
  private final Map<String, Set<String>> ownCarriers = new LinkedHashMap<>();

  private boolean idLimitHit;

  /** The path's link readers and attempt tests, prepared at the first round. */
  private LinkValues links;

  private final Map<EventSourceDef, List<FieldReader.Test>> starts = new IdentityHashMap<>();
  private final Map<EventSourceDef, List<FieldReader.Test>> terminal = new IdentityHashMap<>();

  /**
   * What the rounds had found when a round began a long read: the events so far and that round's
   * first pages, accepted as the whole search would, and what is still being read.
   */
  record Early(Found found, List<FirstPages.Pending> pending) {}

  IdFollower(EventSource source, FlowOptions options) {
    this.source = source;
    this.options = options;
  }

  /** A follower in {@code other}'s state, changed on its own from here on. */
  private IdFollower(IdFollower other) {
    this(other.source, other.options);
    ids.addAll(other.ids);
    traces.addAll(other.traces);
    askedIds.addAll(other.askedIds);
    askedTraces.addAll(other.askedTraces);
    events.putAll(other.events);
    leftOut.putAll(other.leftOut);
    notices.addAll(other.notices);
    other.batches.forEach((k, v) -> batches.put(k, new LinkedHashSet<>(v)));
    batchHops.putAll(other.batchHops);
    other.ownCarriers.forEach((k, v) -> ownCarriers.put(k, new LinkedHashSet<>(v)));
    idLimitHit = other.idLimitHit;
    links = other.links;
    starts.putAll(other.starts);
    terminal.putAll(other.terminal);
  }

  Found follow(PathDef path, String query, TimeWindow window, Cancellation cancel) {
    return follow(path, query, window, cancel, null);
  }

  /**
   * Like {@link #follow(PathDef, String, TimeWindow, Cancellation)}; {@code early} receives what
   * was found so far each time a round begins to page through a query with more documents than its
   * first page (on this thread, before the long read), or null.
   */
  Found follow(
      PathDef path, String query, TimeWindow window, Cancellation cancel, Consumer<Early> early) {
    ids.add(query);
    Set<String> newIds = new LinkedHashSet<>(List.of(query));
    Set<String> newTraces = new LinkedHashSet<>(List.of(query));
    for (int round = 0; ; round++) {
      cancel.check();
      if (newIds.isEmpty() && newTraces.isEmpty()) {
        break;
      }
      if (round > options.maxLinkDepth()) {
        notices.add(
            new Notice.LinkDepthReached(
                round,
                newIds.size() + newTraces.size(),
                first(newIds, newTraces),
                options.maxLinkDepth()));
        break;
      }
      capToIdLimit(newIds, newTraces);
      if (newIds.isEmpty() && newTraces.isEmpty()) {
        break;
      }
      askedIds.addAll(newIds);
      askedTraces.addAll(newTraces);
      FirstPages.Listener pages =
          early == null
              ? null
              : first -> early.accept(new Early(sofar(path, query, first), first.pending()));
      FindResult result =
          source.find(
              RoundQueries.of(path, newIds, newTraces, askedIds),
              window,
              options.eventsPerQuery(),
              cancel,
              pages);
      notices.addAll(result.truncated());
      accept(path, result.events(), query);
      newIds = new LinkedHashSet<>(ids);
      newIds.removeAll(askedIds);
      newTraces = new LinkedHashSet<>(traces);
      newTraces.removeAll(askedTraces);
    }
    return found();
  }

  /** What was found before this round plus {@code first}, accepted by a copy of this follower. */
  private Found sofar(PathDef path, String query, FirstPages first) {
    IdFollower copy = new IdFollower(this);
    copy.accept(path, first.events(), query);
    return copy.found();
  }

  /** The answer from what was accepted (reports the limits hit and what was left out). */
  private Found found() {
    if (idLimitHit) {
      reportIdLimit();
    }
    leftOut.keySet().removeAll(events.keySet());
    leftOut
        .values()
        .removeIf(
            e ->
                !e.ids().isEmpty()
                    && batches.values().stream().anyMatch(m -> m.containsAll(e.ids())));
    if (!leftOut.isEmpty()) {
      FlowEvent e = leftOut.values().iterator().next();
      notices.add(
          new Notice.EventsLeftOut(leftOut.size(), e.index(), e.docId(), e.traceId(), e.ids()));
    }
    return new Found(
        List.copyOf(events.values()), List.copyOf(ids), List.copyOf(notices), batches, batchHops);
  }

  private void capToIdLimit(Set<String> newIds, Set<String> newTraces) {
    int room = options.maxIds() - askedIds.size() - askedTraces.size();
    if (newIds.size() + newTraces.size() > room) {
      idLimitHit = true;
      keepFirst(newIds, Math.max(0, room));
      keepFirst(newTraces, Math.max(0, room - newIds.size()));
    }
  }

  private void reportIdLimit() {
    Set<String> notFollowed = new LinkedHashSet<>(ids);
    notFollowed.removeAll(askedIds);
    Set<String> traceRest = new LinkedHashSet<>(traces);
    traceRest.removeAll(askedTraces);
    notices.add(
        new Notice.IdLimitReached(
            notFollowed.size() + traceRest.size(),
            first(notFollowed, traceRest),
            options.maxIds()));
  }

  private static void keepFirst(Set<String> values, int n) {
    List<String> kept = new ArrayList<>(values).subList(0, Math.min(n, values.size()));
    values.retainAll(Set.copyOf(kept));
  }

  private static String first(Set<String> a, Set<String> b) {
    return a.isEmpty() ? (b.isEmpty() ? "-" : b.iterator().next()) : a.iterator().next();
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

  private void accept(PathDef path, List<SourceEvent> found, String query) {
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
    notices.addAll(read.notices());
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
