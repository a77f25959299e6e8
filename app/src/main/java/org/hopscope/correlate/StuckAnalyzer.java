package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Hop;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyBucket;

/**
 * Counts, per hop, what happened to the messages whose first event at the hop lies in a window
 * (entered, left, and STUCK / FAILED / DEAD_LETTERED / SLOW with the message's class hop there, by
 * {@link VerdictRules}), in messages whatever the links' cardinality, and streams the stuck, failed
 * and dead-lettered messages out (by message ID). Pushed down: it merge-joins key-ordered scans
 * (composite aggregations), one page per scan in memory.
 *
 * <p>A path with one link declared one-to-one (a re-keying) takes the flat-memory passes of
 * docs/decisions/0007-window-analysis-merge-passes.md:
 *
 * <ol>
 *   <li><b>Message pass</b>: every hop before the link's target hop, keyed by its message-ID
 *       fields, merged in one key-ordered pass, so each message is judged with all its hops at
 *       once; plus a marker scan of the link's source hop telling which messages carry a linked ID.
 *       Messages that carry one (and neither failed terminally nor were dead-lettered) are judged
 *       at and after the link's source hop by the second pass.
 *   <li><b>Link pass</b> ({@link LinkPass}): the link's source hop keyed by the link field, merged
 *       with the hops from the link's target on.
 * </ol>
 *
 * <p>Any other path with links (a batch, a split, a chain of links, a link whose cardinality is to
 * be detected) takes the hash join of {@link SegmentAnalysis}
 * (docs/decisions/0018-stuck-analysis-hash-join-for-batches-and-splits.md). Hops that cannot be
 * read are not scanned ({@link StuckBlind}).
 */
public final class StuckAnalyzer {

  private final EventSource events;
  private final StuckOptions options;

  public StuckAnalyzer(EventSource events, StuckOptions options) {
    this.events = events;
    this.options = options;
  }

  /**
   * Analyses {@code window} on {@code path} after asking the event source which of the path's index
   * patterns it cannot read (an answer it may have cached).
   */
  public StuckReport analyze(
      PathDef path,
      TimeWindow window,
      Instant asOf,
      Consumer<StuckMessage> messages,
      Cancellation cancel) {
    Map<String, BlindSource> blind = new java.util.LinkedHashMap<>();
    events
        .blindSources(FlowAssembler.patterns(path), cancel)
        .forEach(b -> blind.put(b.pattern(), b));
    return analyze(path, window, asOf, blind, messages, cancel);
  }

  /**
   * Analyses {@code window} on {@code path}.
   *
   * @param window messages are counted at a hop when their first event there lies in it
   * @param asOf analysis time: events are read up to it, "past the SLA" is measured to it
   * @param blind the path's index patterns that cannot be read, and why (empty: all readable); a
   *     hop whose patterns are all unreadable is not scanned, its counts are unknown ({@link
   *     org.hopscope.model.HopCounts#blind()}), and a message that may have gone on there is judged
   *     UNKNOWN, neither stuck nor left (a notice counts them)
   * @param messages receives the stuck, failed and dead-lettered messages as they are found (on the
   *     calling thread)
   * @param cancel cancels the scans
   * @throws org.hopscope.source.SourceException when the event backend fails
   */
  public StuckReport analyze(
      PathDef path,
      TimeWindow window,
      Instant asOf,
      Map<String, BlindSource> blind,
      Consumer<StuckMessage> messages,
      Cancellation cancel) {
    List<Notice> notices = new ArrayList<>();
    SegmentChain chain = SegmentChain.of(path, notices);
    StuckBlind unreadable = StuckBlind.of(path, blind, notices);
    for (int i = 1; i < chain.segments(); i++) {
      IdLink link = chain.into(i);
      int from = path.indexOf(link.fromHop());
      if (unreadable.hops()[from]) {
        notices.add(
            new Notice.LinkNotFollowed(
                link.fromHop(),
                link.toHop(),
                "its from hop cannot be read, so the counts from "
                    + link.toHop()
                    + " on are unknown"));
        unreadable = unreadable.cut(chain.start(i), from);
        break; // every later link starts in the hops cut
      }
    }
    StuckTally tally = new StuckTally(path, window, messages, unreadable.sources());
    if (chain.segments() > 1 && !chain.flat()) {
      Duration lookback = options.lookback() != null ? options.lookback() : path.journeyBound();
      TimeWindow scanned = new TimeWindow(window.from().minus(lookback), asOf.plusMillis(1));
      new SegmentAnalysis(events, options, path, chain, unreadable, scanned, asOf, tally, notices)
          .run(cancel);
      return tally.report(asOf, notices);
    }
    Duration lookback = options.lookback() != null ? options.lookback() : slaSum(path);
    TimeWindow scanned = new TimeWindow(window.from().minus(lookback), asOf.plusMillis(1));
    List<Hop> hops = path.hops();
    IdLink link = chain.flat() ? chain.into(1) : null;
    int from = link == null ? -1 : path.indexOf(link.fromHop());
    int to = link == null ? hops.size() : chain.start(1);
    if (link != null && unreadable.hops()[from]) {
      link = null; // its from hop is blind: the hops from its target on are blind too (cut above)
    }
    long deltaMillis =
        messagePass(
            path, to, link == null ? -1 : from, link, unreadable, scanned, asOf, tally, cancel);
    if (link != null) {
      new LinkPass(events, options, path, link, unreadable, scanned, asOf, tally, notices)
          .run(Duration.ofMillis(deltaMillis), cancel);
    }
    return tally.report(asOf, notices);
  }

  /** Returns the largest first-to-last spread at the link's source hop among linked messages. */
  private long messagePass(
      PathDef path,
      int end,
      int linkHop,
      IdLink link,
      StuckBlind blind,
      TimeWindow scanned,
      Instant asOf,
      StuckTally tally,
      Cancellation cancel) {
    List<Hop> hops = path.hops();
    ScanPlan plan = ScanPlan.of(scanned, options, tally, blind.patterns().keySet());
    for (int k = 0; k < end; k++) {
      if (!blind.hops()[k]) {
        plan.add(k, hops.get(k), null, true);
      }
    }
    if (link != null) {
      plan.addMarker(linkHop, hops.get(linkHop), link.fromField());
    }
    List<ScanPlan.Stream> streams = plan.streams();
    if (streams.isEmpty()) {
      return 0;
    }
    long delta = 0;
    try (KeyMerge merge = plan.open(events, options, cancel)) {
      for (KeyMerge.Group g = merge.next(); g != null; g = merge.next()) {
        cancel.check();
        MergedKey m = MergedKey.of(g, streams, path, blind.hops());
        // a terminal failure or a dead letter decides here; other failures may be recovered later
        boolean clean = !m.anyTerminal() && !m.anyDeadLetter();
        boolean linked = link != null && m.linked();
        if (linked && m.evidence().get(linkHop).present()) {
          delta =
              Math.max(
                  delta,
                  Duration.between(m.evidence().get(linkHop).first(), m.last()[linkHop])
                      .toMillis());
        }
        countEnteredLeft(m, end, linked && clean ? linkHop : -1, tally);
        if (linked && clean) {
          // judged at and after the link's source hop by the link pass; a late hand-over before it
          // is SLOW there (assuming the message is not stuck further on)
          for (int k = 0; k < linkHop; k++) {
            if (VerdictRules.slowHandOver(m.evidence(), k)) {
              if (tally.inWindow(m.evidence().get(k).first())) {
                tally.judged(k, HopVerdict.SLOW, g.key(), m.last()[k]);
              }
              break;
            }
          }
          continue;
        }
        VerdictRules.Judgement j = VerdictRules.judge(m.evidence(), asOf);
        int h = j.hop();
        if (j.verdict() == HopVerdict.UNKNOWN) {
          if (m.evidence().stream().anyMatch(e -> tally.inWindow(e.first()))) {
            tally.unknown(h);
          }
        } else if (h >= 0 && tally.inWindow(m.evidence().get(h).first())) {
          tally.judged(h, j.verdict(), g.key(), m.last()[h]);
        }
      }
    }
    return delta;
  }

  private static void countEnteredLeft(MergedKey m, int end, int leftByLinkPass, StuckTally tally) {
    List<HopEvidence> ev = m.evidence();
    for (int k = 0; k < end; k++) {
      if (!ev.get(k).present() || !tally.inWindow(ev.get(k).first())) {
        continue;
      }
      tally.entered(k);
      boolean terminal = k == ev.size() - 1;
      if (k != leftByLinkPass && (terminal || (k + 1 < end && ev.get(k + 1).present()))) {
        tally.left(k);
      }
    }
  }

  private static Duration slaSum(PathDef path) {
    return path.hops().stream()
        .map(Hop::sla)
        .filter(Objects::nonNull)
        .reduce(Duration.ZERO, Duration::plus);
  }

  /** One key's buckets combined per hop. */
  record MergedKey(
      List<HopEvidence> evidence,
      Instant[] last,
      boolean linked,
      boolean anyTerminal,
      boolean anyDeadLetter) {

    /**
     * @param blind per hop whether it cannot be read (its evidence is then {@link
     *     HopEvidence#blind}), or null
     */
    static MergedKey of(
        KeyMerge.Group g, List<ScanPlan.Stream> streams, PathDef path, boolean[] blind) {
      int n = path.hops().size();
      Instant[] first = new Instant[n];
      Instant[] last = new Instant[n];
      Instant[] lastFailure = new Instant[n];
      boolean[] failure = new boolean[n];
      boolean[] terminal = new boolean[n];
      boolean[] dead = new boolean[n];
      boolean linked = false;
      for (int i = 0; i < streams.size(); i++) {
        KeyBucket b = g.buckets()[i];
        if (b == null) {
          continue;
        }
        ScanPlan.Stream s = streams.get(i);
        if (s.marker()) {
          linked |= b.failures() > 0;
          continue;
        }
        linked |= b.marked() > 0;
        int k = s.hop();
        first[k] = earlier(first[k], b.first());
        last[k] = later(last[k], b.last());
        lastFailure[k] = later(lastFailure[k], b.lastFailure());
        failure[k] |= b.failures() > 0;
        terminal[k] |= b.terminalFailures() > 0;
        dead[k] |= b.deadLetters() > 0;
      }
      List<HopEvidence> ev = new ArrayList<>(n);
      boolean anyTerminal = false;
      boolean anyDead = false;
      for (int k = 0; k < n; k++) {
        if (blind != null && blind[k]) {
          ev.add(HopEvidence.blind(path.hops().get(k).sla()));
          continue;
        }
        ev.add(
            new HopEvidence(
                first[k],
                last[k],
                failure[k],
                lastFailure[k],
                terminal[k],
                dead[k],
                path.hops().get(k).sla(),
                false));
        anyTerminal |= terminal[k];
        anyDead |= dead[k];
      }
      return new MergedKey(ev, last, linked, anyTerminal, anyDead);
    }

    private static Instant earlier(Instant a, Instant b) {
      return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
      return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
  }
}
