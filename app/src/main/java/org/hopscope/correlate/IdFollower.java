package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hopscope.model.FlowEvent;
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
 * a shared trace never pulls in other messages. {@link EventAcceptance} applies these rules and
 * keeps what was accepted. One instance per search (not thread-safe).
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
  private final EventAcceptance acceptance;
  private final Set<String> askedIds = new LinkedHashSet<>();
  private final Set<String> askedTraces = new LinkedHashSet<>();
  private final Set<Notice> notices = new LinkedHashSet<>();

  private boolean idLimitHit;

  /**
   * What the rounds had found when a round began a long read: the events so far and that round's
   * first pages, accepted as the whole search would, and what is still being read.
   */
  record Early(Found found, List<FirstPages.Pending> pending) {}

  IdFollower(EventSource source, FlowOptions options) {
    this.source = source;
    this.options = options;
    this.acceptance = new EventAcceptance();
  }

  /** A follower in {@code other}'s state, changed on its own from here on. */
  private IdFollower(IdFollower other) {
    this.source = other.source;
    this.options = other.options;
    this.acceptance = new EventAcceptance(other.acceptance);
    askedIds.addAll(other.askedIds);
    askedTraces.addAll(other.askedTraces);
    notices.addAll(other.notices);
    idLimitHit = other.idLimitHit;
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
    acceptance.addId(query);
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
      newIds = new LinkedHashSet<>(acceptance.ids());
      newIds.removeAll(askedIds);
      newTraces = new LinkedHashSet<>(acceptance.traces());
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
    List<FlowEvent> leftOut = acceptance.leftOut();
    if (!leftOut.isEmpty()) {
      FlowEvent e = leftOut.get(0);
      notices.add(
          new Notice.EventsLeftOut(leftOut.size(), e.index(), e.docId(), e.traceId(), e.ids()));
    }
    return new Found(
        acceptance.events(),
        List.copyOf(acceptance.ids()),
        List.copyOf(notices),
        acceptance.batches(),
        acceptance.batchHops());
  }

  private void accept(PathDef path, List<SourceEvent> found, String query) {
    notices.addAll(acceptance.accept(path, found, query));
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
    Set<String> notFollowed = new LinkedHashSet<>(acceptance.ids());
    notFollowed.removeAll(askedIds);
    Set<String> traceRest = new LinkedHashSet<>(acceptance.traces());
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
}
