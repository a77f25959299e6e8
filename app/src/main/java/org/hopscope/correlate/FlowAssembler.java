package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Flow;
import org.hopscope.model.Hop;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopMetrics;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.promql.PromQl;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;

/**
 * Assembles one message's end-to-end flow: finds its events across all hops (one backend round trip
 * per round, following ID links both ways and trace IDs, bounded by {@link FlowOptions}), the whole
 * journey even where it begins before or ends after the window (up to the path's journey bound
 * beyond it), de-duplicates them by index and document ID, arranges them per hop with attempts,
 * latencies and verdicts, and fetches each hop's metrics over the flow's time span. Synchronous,
 * thread-safe (no state between calls).
 */
public final class FlowAssembler {

  private final EventSource events;
  private final HopMetricsFetcher metrics;
  private final FlowOptions options;

  /**
   * @param events where the path's events are
   * @param metrics fetches hop metrics, or null to assemble flows without metrics
   * @param options search limits
   */
  public FlowAssembler(EventSource events, HopMetricsFetcher metrics, FlowOptions options) {
    this.events = events;
    this.metrics = metrics;
    this.options = options;
  }

  /**
   * {@link #assemble(PathDef, String, TimeWindow, Instant, List, Cancellation)} after asking the
   * event source which of the path's index patterns it cannot read (an answer it may have cached).
   */
  public Flow assemble(
      PathDef path, String id, TimeWindow window, Instant asOf, Cancellation cancel) {
    return assemble(path, id, window, asOf, cancel, null);
  }

  /**
   * {@link #assemble(PathDef, String, TimeWindow, Instant, List, Cancellation, Consumer)} after
   * asking the event source which of the path's index patterns it cannot read.
   */
  public Flow assemble(
      PathDef path,
      String id,
      TimeWindow window,
      Instant asOf,
      Cancellation cancel,
      Consumer<Flow> early) {
    List<BlindSource> blind = events.blindSources(patterns(path), cancel);
    return assemble(path, id, window, asOf, blind, cancel, early);
  }

  /** Every index pattern of {@code path}, in path order. */
  public static List<String> patterns(PathDef path) {
    return path.hops().stream()
        .flatMap(h -> h.sources().stream())
        .map(EventSourceDef::index)
        .distinct()
        .toList();
  }

  /**
   * Assembles the flow of the message known by {@code id}.
   *
   * @param path the integration path
   * @param id what the user typed: a message ID, a linked ID (e.g. an ERP document number or a
   *     batch ID) or a trace ID; matched exactly
   * @param window the window asked for, or null for no time bound; the message is found by its
   *     evidence in it, and its journey followed up to the path's journey bound beyond it
   * @param asOf the analysis time for STUCK vs IN_FLIGHT (the window's end, or now)
   * @param blind index patterns that could not be read (their hops' verdicts are UNKNOWN, never
   *     NO_EVIDENCE or a reason to call the message STUCK)
   * @param cancel cancels the search
   * @return the flow; {@link org.hopscope.model.HopVerdict#NO_EVIDENCE} when nothing was found
   * @throws org.hopscope.source.SourceException when the event backend fails (metrics failures
   *     become notices)
   * @throws Cancellation.CancelledException when cancelled
   */
  public Flow assemble(
      PathDef path,
      String id,
      TimeWindow window,
      Instant asOf,
      List<BlindSource> blind,
      Cancellation cancel) {
    return assemble(path, id, window, asOf, blind, cancel, null);
  }

  /**
   * Like {@link #assemble(PathDef, String, TimeWindow, Instant, List, Cancellation)}; when a query
   * has more documents than its first page (a message with many events), {@code early} first
   * receives a first answer built from what was read before that long read: every hop's events so
   * far, arranged as the whole answer would be, every verdict UNKNOWN and a {@link
   * Notice.StillReading} per query still being read; no metrics or batch members. Called on this
   * thread; null for none.
   */
  public Flow assemble(
      PathDef path,
      String id,
      TimeWindow window,
      Instant asOf,
      List<BlindSource> blind,
      Cancellation cancel,
      Consumer<Flow> early) {
    Duration bound = path.journeyBound();
    TimeWindow searched =
        window == null ? null : new TimeWindow(window.from().minus(bound), window.to().plus(bound));
    Map<String, List<BlindSource>> blindByHop = byHop(path, blind);
    Consumer<IdFollower.Early> firstAnswer =
        early == null
            ? null
            : e -> early.accept(firstAnswer(path, id, window, searched, asOf, blindByHop, e));
    IdFollower.Found found =
        new IdFollower(events, options).follow(path, id, searched, cancel, firstAnswer);
    Journey journey = Journey.of(found.events(), window, bound);
    // the panels' range is known now: they are asked while the hops are built (ADR 0046)
    HopMetricsFetcher.Pending panelsAsked = null;
    if (metrics != null && !journey.events().isEmpty()) {
      List<Instant> times = journey.events().stream().map(f -> f.event().timestamp()).toList();
      panelsAsked = metrics.start(path, Collections.min(times), Collections.max(times), cancel);
    }
    FlowBuilder.Built built =
        new FlowBuilder().build(path, journey.events(), asOf, blindByHop, found.batches());
    List<Notice> notices = notices(path, found, journey, built, blindByHop);
    List<Flow.Batch> batches = new ArrayList<>(built.batches());
    if (found.batches().containsKey(id)) {
      batches.removeIf(b -> b.id().equals(id));
      batches.add(
          0,
          new BatchMembers(events, options, path)
              .judge(
                  id,
                  found.batchHops().get(id),
                  found.batches().get(id),
                  journey.events(),
                  asOf,
                  searched,
                  notices,
                  cancel));
    }
    List<HopMetrics> panels = List.of();
    if (panelsAsked != null) {
      HopMetricsFetcher.Result result = panelsAsked.result();
      panels = result.metrics();
      notices.addAll(result.notices());
    }
    return new Flow(
        path.name(),
        id,
        found.ids(),
        built.verdict(),
        built.stuckAt(),
        built.hops(),
        panels,
        notices,
        new Flow.Basis(window, searched, asOf, journey.before(), journey.after()),
        built.parts(),
        batches);
  }

  /** The first answer from what {@code early} holds (see {@link #assemble}'s {@code early}). */
  private static Flow firstAnswer(
      PathDef path,
      String id,
      TimeWindow window,
      TimeWindow searched,
      Instant asOf,
      Map<String, List<BlindSource>> blindByHop,
      IdFollower.Early early) {
    IdFollower.Found found = early.found();
    Journey journey = Journey.of(found.events(), window, path.journeyBound());
    FlowBuilder.Built built =
        new FlowBuilder().build(path, journey.events(), asOf, blindByHop, found.batches());
    List<Notice> notices = new ArrayList<>();
    early
        .pending()
        .forEach(
            p -> notices.add(new Notice.StillReading(p.hop(), p.index(), p.read(), p.matched())));
    notices.addAll(notices(path, found, journey, built, blindByHop));
    return new Flow(
        path.name(),
        id,
        found.ids(),
        HopVerdict.UNKNOWN,
        null,
        built.hops().stream().map(HopFlow::unjudged).toList(),
        List.of(),
        notices,
        new Flow.Basis(window, searched, asOf, journey.before(), journey.after()),
        built.parts().stream()
            .map(p -> new Flow.Part(p.id(), HopVerdict.UNKNOWN, null, p.reached(), p.batch()))
            .toList(),
        List.of());
  }

  /** The notices of an answer: the search's, unreadable sources, the journey, the build's. */
  private static List<Notice> notices(
      PathDef path,
      IdFollower.Found found,
      Journey journey,
      FlowBuilder.Built built,
      Map<String, List<BlindSource>> blindByHop) {
    List<Notice> notices = new ArrayList<>(found.notices());
    blindByHop.forEach(
        (hop, sources) -> sources.forEach(b -> notices.add(new Notice.SourceUnreadable(hop, b))));
    if (journey.before() + journey.after() > 0) {
      notices.add(
          new Notice.JourneyBeyondWindow(
              journey.before(), journey.after(), PromQl.duration(path.journeyBound())));
    }
    notices.addAll(built.notices());
    notices.addAll(detected(path, found, built));
    return notices;
  }

  /** What the data said about links whose cardinality the path leaves open. */
  private static List<Notice> detected(PathDef path, IdFollower.Found found, FlowBuilder.Built b) {
    List<Notice> out = new ArrayList<>();
    for (IdLink link : path.links()) {
      if (link.cardinality() != null) {
        continue;
      }
      if (found.batchHops().containsValue(link.fromHop())) {
        out.add(
            new Notice.CardinalityDetected(
                link.fromHop(),
                link.toHop(),
                IdLink.Cardinality.MANY_TO_ONE.text(),
                "several messages carry the value this message carries at " + link.fromHop()));
      } else if (!b.parts().isEmpty() && b.splitLink() == path.links().indexOf(link)) {
        out.add(
            new Notice.CardinalityDetected(
                link.fromHop(),
                link.toHop(),
                IdLink.Cardinality.ONE_TO_MANY.text(),
                "this message carries several values at " + link.fromHop()));
      }
    }
    return out;
  }

  /** Per hop name: its sources among {@code blind}. */
  private static Map<String, List<BlindSource>> byHop(PathDef path, List<BlindSource> blind) {
    Map<String, List<BlindSource>> out = new LinkedHashMap<>();
    if (blind.isEmpty()) {
      return out;
    }
    for (Hop hop : path.hops()) {
      for (EventSourceDef s : hop.sources()) {
        blind.stream()
            .filter(b -> b.pattern().equals(s.index()))
            .findFirst()
            .ifPresent(b -> out.computeIfAbsent(hop.name(), h -> new ArrayList<>()).add(b));
      }
    }
    return out;
  }
}
