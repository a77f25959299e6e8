package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.IdLink;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.Utf8Order;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyValues;

/**
 * The stuck analysis along a chain of links of any cardinality (see {@link StuckAnalyzer}): a hash
 * join, segment by segment from the path's end. Each segment's hops are merge-joined by its key
 * (batch, part, message ID); every key of a later segment is held as a {@link SegmentNode} (memory
 * ~ the number of keys, docs/decisions/0018-stuck-analysis-hash-join-for-batches-and-splits.md),
 * linked to the keys of the next segment its link values lead to (a values scan at the link's from
 * hop). Segment 0 is keyed by message ID: each message is expanded into its parts (one per path
 * through its link values: a split's parts, each with its batch's evidence), every part judged by
 * {@link VerdictRules}, and the message counted once with its worst part's verdict.
 */
final class SegmentAnalysis {

  /** Parts judged per message at most (a split of splits stops there). */
  static final int MAX_PARTS = 10_000;

  private final EventSource events;
  private final StuckOptions options;
  private final PathDef path;
  private final SegmentChain chain;
  private final StuckBlind blind;
  private final TimeWindow scanned;
  private final Instant asOf;
  private final StuckTally tally;
  private final List<Notice> notices;
  private final List<Map<String, SegmentNode>> nodes = new ArrayList<>();
  private final SegmentCardinality cardinality;

  SegmentAnalysis(
      EventSource events,
      StuckOptions options,
      PathDef path,
      SegmentChain chain,
      StuckBlind blind,
      TimeWindow scanned,
      Instant asOf,
      StuckTally tally,
      List<Notice> notices) {
    this.events = events;
    this.options = options;
    this.path = path;
    this.chain = chain;
    this.blind = blind;
    this.scanned = scanned;
    this.asOf = asOf;
    this.tally = tally;
    this.notices = notices;
    this.cardinality = new SegmentCardinality(chain.links());
  }

  void run(Cancellation cancel) {
    int last = chain.segments() - 1;
    Map<String, SegmentNode> next = Map.of();
    for (int i = last; i >= 1; i--) {
      Map<String, SegmentNode> here = new HashMap<>();
      int segment = i;
      Map<String, SegmentNode> after = next;
      scan(
          segment,
          cancel,
          (key, m, values) -> {
            SegmentNode node =
                SegmentNode.of(m.evidence(), chain.start(segment), chain.end(segment, path));
            link(segment, key, node, values, after);
            here.put(key, node);
          });
      nodes.add(0, here);
      next = here;
    }
    Map<String, SegmentNode> first = next;
    scan(
        0,
        cancel,
        (key, m, values) -> {
          SegmentNode message = SegmentNode.of(m.evidence(), 0, chain.end(0, path));
          link(0, key, message, values, first);
          count(key, parts(m.evidence(), message));
        });
    unlinked();
    notices.addAll(cardinality.detected());
  }

  private interface KeyHandler {
    void accept(String key, StuckAnalyzer.MergedKey merged, Set<String> values);
  }

  /** Merge-joins segment {@code i}'s hops and the values of the link out of it. */
  private void scan(int i, Cancellation cancel, KeyHandler handler) {
    ScanPlan plan = ScanPlan.of(scanned, options, tally, blind.patterns().keySet());
    int start = chain.start(i);
    int end = chain.end(i, path);
    for (int k = start; k < end; k++) {
      if (!blind.hops()[k]) {
        plan.add(k, path.hops().get(k), chain.keyField(i, k), true);
      }
    }
    if (i + 1 < chain.segments()) {
      IdLink out = chain.into(i + 1);
      int from = path.indexOf(out.fromHop());
      if (!blind.hops()[from]) {
        plan.addValues(from, path.hops().get(from), chain.keyField(i, from), out.fromField());
      }
    }
    List<ScanPlan.Stream> streams = plan.streams();
    if (streams.isEmpty() && plan.valueStreams().isEmpty()) {
      return;
    }
    try (KeyMerge merge = plan.open(events, options, cancel)) {
      for (KeyMerge.Group g = merge.next(); g != null; g = merge.next()) {
        cancel.check();
        Set<String> values = new LinkedHashSet<>();
        for (KeyValues v : g.values()) {
          if (v != null) {
            values.addAll(v.values());
          }
        }
        handler.accept(g.key(), StuckAnalyzer.MergedKey.of(g, streams, path, blind.hops()), values);
      }
    }
  }

  /** Links {@code node} (a key of segment {@code i}) to the next segment's nodes of its values. */
  private void link(
      int i, String key, SegmentNode node, Set<String> values, Map<String, SegmentNode> next) {
    if (values.isEmpty()) {
      return;
    }
    cardinality.values(i, key, values.size());
    for (String v : values) {
      if (node.link(next.getOrDefault(v, SegmentNode.NONE))) {
        cardinality.shared(i, v);
      }
    }
  }

  /**
   * A message's parts: its evidence at segment 0, continued by each path through its link values
   * (the hops of a segment it has no value for are without evidence).
   */
  private List<HopEvidence[]> parts(List<HopEvidence> evidence, SegmentNode message) {
    HopEvidence[] base = new HopEvidence[path.hops().size()];
    for (int k = 0; k < chain.end(0, path); k++) {
      base[k] = evidence.get(k);
    }
    List<HopEvidence[]> parts = new ArrayList<>(1);
    expand(base, message.next(), 1, parts);
    return parts;
  }

  private void expand(
      HopEvidence[] prefix, SegmentNode[] next, int segment, List<HopEvidence[]> parts) {
    if (segment >= chain.segments() || next.length == 0) {
      HopEvidence[] part = prefix.clone();
      for (int k = segment < chain.segments() ? chain.start(segment) : part.length;
          k < part.length;
          k++) {
        part[k] = blind.absent(k, path);
      }
      parts.add(part);
      return;
    }
    int start = chain.start(segment);
    int end = chain.end(segment, path);
    for (SegmentNode node : next) {
      if (parts.size() >= MAX_PARTS) {
        return;
      }
      if (node != SegmentNode.NONE) {
        node.reach();
      }
      HopEvidence[] part = prefix.clone();
      for (int k = start; k < end; k++) {
        part[k] = node.evidence(k - start, blind.absent(k, path), path.hops().get(k).sla());
      }
      expand(part, node.next(), segment + 1, parts);
    }
  }

  /**
   * Counts one message from its parts: it entered a hop when a part did (first time = the
   * earliest), left it when every part there reached the next hop; its verdict is its worst part's,
   * at the last hop among those parts for ERROR, else the first.
   */
  private void count(String id, List<HopEvidence[]> parts) {
    int n = path.hops().size();
    Instant[] first = new Instant[n];
    Instant[] last = new Instant[n];
    boolean[] left = new boolean[n];
    Arrays.fill(left, true);
    for (HopEvidence[] part : parts) {
      for (int k = 0; k < n; k++) {
        HopEvidence e = part[k];
        if (!e.present()) {
          continue;
        }
        first[k] = first[k] == null || e.first().isBefore(first[k]) ? e.first() : first[k];
        last[k] = last[k] == null || e.last().isAfter(last[k]) ? e.last() : last[k];
        if (k + 1 < n && !part[k + 1].present()) {
          left[k] = false;
        }
      }
    }
    boolean seenInWindow = false;
    for (int k = 0; k < n; k++) {
      if (tally.inWindow(first[k])) {
        seenInWindow = true;
        tally.entered(k);
        if (left[k]) {
          tally.left(k);
        }
      }
    }
    HopVerdict worst = null;
    int hop = -1;
    for (HopEvidence[] part : parts) {
      VerdictRules.Judgement j = VerdictRules.judge(Arrays.asList(part), asOf);
      HopVerdict v = j.verdict();
      if (worst == null || (v != worst && VerdictRules.worse(worst, v) == v)) {
        worst = v;
        hop = j.hop();
      } else if (v == worst && j.hop() >= 0) {
        hop = v == HopVerdict.ERROR ? Math.max(hop, j.hop()) : Math.min(hop, j.hop());
      }
    }
    if (worst == HopVerdict.UNKNOWN) {
      if (seenInWindow) {
        tally.unknown(hop);
      }
    } else if (hop >= 0 && tally.inWindow(first[hop])) {
      tally.judged(hop, worst, id, last[hop]);
    }
  }

  /** Notices for keys after a link that no message reached but that have events in the window. */
  private void unlinked() {
    for (int i = 1; i < chain.segments(); i++) {
      int start = chain.start(i);
      int end = chain.end(i, path);
      long count = 0;
      String example = null;
      for (Map.Entry<String, SegmentNode> e : nodes.get(i - 1).entrySet()) {
        SegmentNode node = e.getValue();
        if (node.reached()) {
          continue;
        }
        boolean inWindow = false;
        for (int k = start; k < end && !inWindow; k++) {
          HopEvidence ev = node.evidence(k - start, blind.absent(k, path), null);
          inWindow = tally.inWindow(ev.first());
        }
        if (inWindow) {
          count++;
          if (example == null || Utf8Order.INSTANCE.compare(e.getKey(), example) < 0) {
            example = e.getKey();
          }
        }
      }
      if (count > 0) {
        notices.add(new Notice.UnlinkedIds(path.hops().get(start).name(), count, example));
      }
    }
  }
}
