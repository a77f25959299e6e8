package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.hopscope.model.HopCounts;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckEstimate.HopEstimate;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.SourceException;

/**
 * The stuck funnel's first stage (docs/decisions/0035-stuck-funnel-estimates.md): the exact
 * analysis ({@link StuckAnalyzer}, the same rules) run on a hash sample of the message IDs ({@link
 * SampledEvents}), its counts scaled up, each with the sample's error bound. How big a sample is
 * comes from distinct counts of the hops' keys ({@link SampleSize}). What a sample cannot tell is
 * unknown with why, never 0: a hop that cannot be read, a source that cannot sample, the hops from
 * a batch's or a split's link on (their link values are not sampled with the message).
 */
public final class StuckEstimator {

  private final EventSource events;
  private final Executor pool;
  private final int target;

  /**
   * @param pool runs the sample's requests in parallel (null: one after the other)
   */
  public StuckEstimator(EventSource events, Executor pool) {
    this(events, pool, SampleSize.TARGET);
  }

  /**
   * @param target keys aimed at in one partition of the busiest scan (smaller: a smaller sample)
   */
  public StuckEstimator(EventSource events, Executor pool, int target) {
    if (target < 1 || target > SampleSize.MOST) {
      throw new IllegalArgumentException(
          "target must be 1.." + SampleSize.MOST + ", got " + target);
    }
    this.events = events;
    this.pool = pool;
    this.target = target;
  }

  /** Estimates {@code window} on {@code path} as of {@code asOf}; throws only on cancel. */
  public StuckEstimate estimate(
      PathDef path, TimeWindow window, Instant asOf, Cancellation cancel) {
    List<Notice> notices = new ArrayList<>();
    SegmentChain chain = SegmentChain.of(path, notices);
    int cut = path.hops().size(); // hops from here on cannot be sampled
    String cutWhy = null;
    if (chain.segments() > 1 && !chain.flat()) {
      IdLink link = chain.into(1);
      cut = path.indexOf(link.fromHop());
      cutWhy =
          ("the ID link %s -> %s (%s) joins messages to other IDs that a hash sample of"
                  + " messages does not sample with them: only the key scan counts from %s on")
              .formatted(
                  link.fromHop(),
                  link.toHop(),
                  link.cardinality() == null
                      ? "cardinality not declared"
                      : link.cardinality().text(),
                  link.fromHop());
    }
    PathDef sampled =
        cut == path.hops().size()
            ? path
            : new PathDef(
                path.name(),
                path.description(),
                path.hops().subList(0, cut + 1),
                List.of(),
                path.origin(),
                path.maxJourney());
    StuckReport report;
    SampleSize size;
    try {
      size = SampleSize.of(events, sampled, window, asOf, lookback(path), target, pool, cancel);
      // a sample's scan is one round trip per partition: a look-back slice would only add requests
      EventSource sample =
          new SampledEvents(events, size.parts(), size.partitions(), SampleSize.MOST, pool);
      report =
          new StuckAnalyzer(sample, StuckOptions.defaults().withLookBackInOneScan())
              .analyze(sampled, window, asOf, m -> {}, cancel);
    } catch (UnsupportedOperationException | SourceException e) {
      return unknown(path, window, asOf, e.getMessage());
    }
    for (Notice n : report.notices()) {
      // counts of the sample's messages would mislead; the rest holds for the whole window
      if (!(n instanceof Notice.FateUnknown
          || n instanceof Notice.UnlinkedIds
          || n instanceof Notice.CardinalityDetected)) {
        notices.add(n);
      }
    }
    List<HopEstimate> hops = new ArrayList<>();
    for (int k = 0; k < path.hops().size(); k++) {
      String name = path.hops().get(k).name();
      if (k > cut) {
        Figure u = Figure.unknown(cutWhy);
        hops.add(new HopEstimate(name, u, u, u, u, u, List.of()));
        continue;
      }
      HopCounts c = report.hops().get(k);
      if (!c.blind().isEmpty()) {
        Figure u = Figure.unknown("every source of hop " + name + " cannot be read");
        hops.add(new HopEstimate(name, u, u, u, u, u, c.blind()));
        continue;
      }
      Figure entered = size.scale(c.entered());
      Figure dead = size.scale(c.deadLettered());
      if (k == cut) {
        Figure u = Figure.unknown(cutWhy);
        hops.add(new HopEstimate(name, entered, u, u, u, dead, List.of()));
        continue;
      }
      hops.add(
          new HopEstimate(
              name,
              entered,
              size.scale(c.left()),
              size.scale(c.stuck()),
              size.scale(c.failed()),
              dead,
              List.of()));
    }
    return new StuckEstimate(path.name(), window, asOf, hops, notices);
  }

  /** How far before the window the analysis reads (the larger of its two lookbacks). */
  private static Duration lookback(PathDef path) {
    Duration sla =
        path.hops().stream()
            .map(h -> h.sla())
            .filter(s -> s != null)
            .reduce(Duration.ZERO, Duration::plus);
    Duration journey = path.journeyBound();
    return sla.compareTo(journey) > 0 ? sla : journey;
  }

  /** Every figure unknown for {@code why}. */
  static StuckEstimate unknown(PathDef path, TimeWindow window, Instant asOf, String why) {
    Figure u = Figure.unknown(why);
    List<HopEstimate> hops = new ArrayList<>();
    path.hops().forEach(h -> hops.add(new HopEstimate(h.name(), u, u, u, u, u, List.of())));
    return new StuckEstimate(path.name(), window, asOf, hops, List.of());
  }
}
