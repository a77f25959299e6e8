package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.IdQuery;
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

  /** What the rounds found. */
  record Found(List<FoundEvent> events, List<String> ids, List<Notice> notices) {}

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
  private boolean idLimitHit;

  IdFollower(EventSource source, FlowOptions options) {
    this.source = source;
    this.options = options;
  }

  Found follow(PathDef path, String query, TimeWindow window, Cancellation cancel) {
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
      FindResult result =
          source.find(
              queries(path, newIds, newTraces, askedIds), window, options.eventsPerQuery(), cancel);
      notices.addAll(result.truncated());
      accept(path, result.events(), query);
      newIds = new LinkedHashSet<>(ids);
      newIds.removeAll(askedIds);
      newTraces = new LinkedHashSet<>(traces);
      newTraces.removeAll(askedTraces);
    }
    if (idLimitHit) {
      reportIdLimit();
    }
    leftOut.keySet().removeAll(events.keySet());
    if (!leftOut.isEmpty()) {
      FlowEvent e = leftOut.values().iterator().next();
      notices.add(
          new Notice.EventsLeftOut(leftOut.size(), e.index(), e.docId(), e.traceId(), e.ids()));
    }
    return new Found(List.copyOf(events.values()), List.copyOf(ids), List.copyOf(notices));
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

  /**
   * This round's queries. A trace ID query leaves out documents carrying an ID asked for by ID
   * (this round or before): those come through the ID queries of the same source.
   */
  private static List<IdQuery> queries(
      PathDef path, Set<String> newIds, Set<String> newTraces, Set<String> askedIds) {
    Map<String, IdQuery> out = new LinkedHashMap<>();
    for (Hop hop : path.hops()) {
      for (EventSourceDef s : hop.sources()) {
        if (!newIds.isEmpty()) {
          for (FieldPath f : s.fields().messageIds()) {
            put(out, new IdQuery(hop.name(), s, f, newIds));
          }
          for (IdLink link : path.links()) {
            if (link.fromHop().equals(hop.name())) {
              put(out, new IdQuery(hop.name(), s, link.fromField(), newIds));
            }
            if (link.toHop().equals(hop.name())) {
              put(out, new IdQuery(hop.name(), s, link.toField(), newIds));
            }
          }
        }
        if (!newTraces.isEmpty() && s.fields().traceId() != null) {
          put(out, new IdQuery(hop.name(), s, s.fields().traceId(), newTraces, askedIds));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void put(Map<String, IdQuery> out, IdQuery q) {
    String key = q.hop() + "\u0000" + q.source().index() + "\u0000" + q.field().text();
    IdQuery had = out.get(key);
    if (had == null) {
      out.put(key, q);
    } else {
      Set<String> values = new LinkedHashSet<>(had.values());
      values.addAll(q.values());
      // exclude only what both exclude: an ID query on the same field excludes nothing
      Set<String> excluded = new LinkedHashSet<>(had.excludingMessageIds());
      excluded.retainAll(q.excludingMessageIds());
      out.put(key, new IdQuery(q.hop(), q.source(), q.field(), values, excluded));
    }
  }

  private record DocKey(String index, String docId) {}

  /** What the acceptance of one read event needs from its document. */
  private record Read(FlowEvent event, EventSourceDef source, List<String> linked, boolean start) {}

  private void accept(PathDef path, List<SourceEvent> found, String query) {
    List<FieldReader[]> links = linkReaders(path);
    Map<EventSourceDef, List<FieldReader.Test>> starts = new IdentityHashMap<>();
    for (Hop hop : path.hops()) {
      for (EventSourceDef s : hop.sources()) {
        starts.put(s, FieldReader.tests(s.fields().attemptStart()));
      }
    }
    // read on several threads: starts and links are only read from there
    EventReader.Each<Read> read =
        reader.readEach(
            found,
            (e, d, doc) -> {
              List<FieldReader.Test> start = starts.get(d.source());
              if (start == null) {
                start = FieldReader.tests(d.source().fields().attemptStart());
              }
              return new Read(
                  e, d.source(), linkValues(path, links, e, doc), FieldReader.any(start, doc));
            });
    notices.addAll(read.notices());
    List<Read> all = read.read();
    // accept in passes: an event accepted for its link value can make another event's ID known
    List<Read> pending = all;
    boolean progress = true;
    while (progress) {
      progress = false;
      List<Read> rest = new ArrayList<>();
      for (Read r : pending) {
        FlowEvent e = r.event();
        DocKey key = new DocKey(e.index(), e.docId());
        if (events.containsKey(key)) {
          continue;
        }
        boolean ours =
            anyKnown(e.ids())
                || anyKnown(r.linked())
                || query.equals(e.traceId())
                || (e.ids().isEmpty() && traces.contains(e.traceId()));
        if (ours) {
          events.put(key, new FoundEvent(e, r.source(), r.start()));
          ids.addAll(e.ids());
          ids.addAll(r.linked());
          if (e.traceId() != null) {
            traces.add(e.traceId());
          }
          progress = true;
        } else {
          rest.add(r);
        }
      }
      pending = rest;
    }
    for (Read r : pending) {
      leftOut.put(new DocKey(r.event().index(), r.event().docId()), r.event());
    }
  }

  private boolean anyKnown(List<String> values) {
    return values.stream().anyMatch(ids::contains);
  }

  /** Per link of {@code path}: readers of its from and to fields. */
  private static List<FieldReader[]> linkReaders(PathDef path) {
    return path.links().stream()
        .map(l -> new FieldReader[] {FieldReader.of(l.fromField()), FieldReader.of(l.toField())})
        .toList();
  }

  private static List<String> linkValues(
      PathDef path, List<FieldReader[]> readers, FlowEvent e, Map<String, Object> doc) {
    List<String> out = List.of();
    List<IdLink> links = path.links();
    for (int i = 0; i < links.size(); i++) {
      IdLink link = links.get(i);
      if (link.fromHop().equals(e.hop())) {
        out = addAll(out, readers.get(i)[0].read(doc));
      }
      if (link.toHop().equals(e.hop())) {
        out = addAll(out, readers.get(i)[1].read(doc));
      }
    }
    return out;
  }

  private static List<String> addAll(List<String> out, List<Object> values) {
    if (values.isEmpty()) {
      return out;
    }
    List<String> grown = out.isEmpty() ? new ArrayList<>() : out;
    values.forEach(v -> grown.add(String.valueOf(v)));
    return grown;
  }
}
