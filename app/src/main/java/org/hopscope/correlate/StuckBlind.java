package org.hopscope.correlate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Hop;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;

/**
 * Which hops of a path a stuck analysis cannot read: a hop whose index patterns are all unreadable
 * is blind (not scanned, its counts unknown, {@link HopEvidence#blind} in every message's evidence
 * so no message is called stuck before it); a hop with only some unreadable is scanned from the
 * others, and a notice names the missing pattern.
 *
 * @param hops per hop whether all its sources are unreadable
 * @param sources per hop its unreadable sources when that is all of them, else empty
 * @param patterns every unreadable pattern of the path (left out of every scan)
 */
record StuckBlind(
    boolean[] hops, List<List<BlindSource>> sources, Map<String, BlindSource> patterns) {

  /** Sorts {@code blind} (index pattern -> why unreadable) onto the hops of {@code path}. */
  static StuckBlind of(PathDef path, Map<String, BlindSource> blind, List<Notice> notices) {
    int n = path.hops().size();
    boolean[] hops = new boolean[n];
    List<List<BlindSource>> sources = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      Hop hop = path.hops().get(k);
      List<BlindSource> unreadable = new ArrayList<>();
      for (EventSourceDef s : hop.sources()) {
        BlindSource b = blind.get(s.index());
        if (b != null && unreadable.stream().noneMatch(u -> u.pattern().equals(b.pattern()))) {
          unreadable.add(b);
        }
      }
      hops[k] = hop.sources().stream().allMatch(s -> blind.containsKey(s.index()));
      if (hops[k]) {
        sources.add(List.copyOf(unreadable));
      } else {
        sources.add(List.of());
        unreadable.forEach(b -> notices.add(new Notice.SourceUnreadable(hop.name(), b)));
      }
    }
    return new StuckBlind(hops, sources, Map.copyOf(blind));
  }

  /**
   * This with hops {@code [from, size)} blind too, for the reasons hop {@code cause} is (a link
   * whose from hop cannot be read leaves the hops after its target unknown).
   */
  StuckBlind cut(int from, int cause) {
    boolean[] more = hops.clone();
    List<List<BlindSource>> why = new ArrayList<>(sources);
    for (int k = from; k < more.length; k++) {
      if (!more[k]) {
        more[k] = true;
        why.set(k, sources.get(cause));
      }
    }
    return new StuckBlind(more, List.copyOf(why), patterns);
  }

  /** Evidence of a hop without events: blind when the hop cannot be read. */
  HopEvidence absent(int hop, PathDef path) {
    Duration sla = path.hops().get(hop).sla();
    return hops[hop]
        ? HopEvidence.blind(sla)
        : new HopEvidence(null, null, false, null, false, false, sla, false);
  }
}
