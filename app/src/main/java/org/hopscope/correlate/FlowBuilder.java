package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.BlindSource;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;

/**
 * Arranges one message's events along its path: per hop the events oldest first, attempts, failures
 * and whether they were recovered, first/last seen, latency to the next hop (a clock that runs
 * behind is corrected and reported) and the verdicts of {@link VerdictRules}. A split message is
 * judged part by part (its verdict is its worst part's); a batch's downstream evidence is shared by
 * its members.
 */
final class FlowBuilder {

  private static final Comparator<FlowEvent> OLDEST_FIRST =
      Comparator.comparing(FlowEvent::timestamp)
          .thenComparing(FlowEvent::index)
          .thenComparing(FlowEvent::docId);

  /**
   * The hops and the verdict, the parts and batches, with notices about clock skew; {@code
   * splitLink} is the index of the link that split the message, or -1.
   */
  record Built(
      List<HopFlow> hops,
      HopVerdict verdict,
      String stuckAt,
      List<Flow.Part> parts,
      List<Flow.Batch> batches,
      List<Notice> notices,
      int splitLink) {}

  /**
   * @param blind per hop name: its sources that could not be read
   * @param siblings per batch ID: the other messages found carrying it
   */
  Built build(
      PathDef path,
      List<FoundEvent> found,
      Instant asOf,
      Map<String, List<BlindSource>> blind,
      Map<String, Set<String>> siblings) {
    List<Hop> hops = path.hops();
    Map<String, List<FoundEvent>> byHop = new LinkedHashMap<>();
    hops.forEach(h -> byHop.put(h.name(), new ArrayList<>()));
    for (FoundEvent f : found) {
      byHop.computeIfAbsent(f.event().hop(), h -> new ArrayList<>()).add(f);
    }
    boolean[] unreadable = new boolean[hops.size()];
    for (int k = 0; k < hops.size(); k++) {
      unreadable[k] = allBlind(hops.get(k), blind.getOrDefault(hops.get(k).name(), List.of()));
    }
    PartSplit split = PartSplit.of(path, found);
    List<String> partIds = split == null ? List.of("") : split.parts();
    List<VerdictRules.Judgement> judged = new ArrayList<>();
    List<List<HopEvidence>> partEvidence = new ArrayList<>();
    for (String part : partIds) {
      List<HopEvidence> evidence = new ArrayList<>();
      for (int k = 0; k < hops.size(); k++) {
        List<FoundEvent> at = byHop.get(hops.get(k).name());
        if (split != null) {
          at = at.stream().filter(f -> split.belongs(path, f, part)).toList();
        }
        evidence.add(evidence(at, hops.get(k), unreadable[k]));
      }
      partEvidence.add(evidence);
      judged.add(VerdictRules.judge(evidence, asOf));
    }
    int worst = VerdictRules.deciding(judged);
    VerdictRules.Judgement decided = judged.get(worst);
    FlowBatches batches = new FlowBatches(path, found, siblings);
    List<Notice> notices = new ArrayList<>();
    List<HopFlow> out = hopFlows(path, byHop, judged, split, partEvidence, batches, blind, notices);
    List<Flow.Part> parts = new ArrayList<>();
    if (split != null) {
      for (int p = 0; p < partIds.size(); p++) {
        VerdictRules.Judgement j = judged.get(p);
        int reached = VerdictRules.lastPresent(partEvidence.get(p));
        parts.add(
            new Flow.Part(
                partIds.get(p),
                j.verdict(),
                j.hop() < 0 ? null : hops.get(j.hop()).name(),
                reached < 0 ? null : hops.get(reached).name(),
                batches.batchOf(partIds.get(p), split, path)));
      }
    }
    String stuckAt = decided.verdict() == HopVerdict.STUCK ? hops.get(decided.hop()).name() : null;
    return new Built(
        out,
        decided.verdict(),
        stuckAt,
        parts,
        batches.batches(split),
        notices,
        split == null ? -1 : split.link());
  }

  private List<HopFlow> hopFlows(
      PathDef path,
      Map<String, List<FoundEvent>> byHop,
      List<VerdictRules.Judgement> judged,
      PartSplit split,
      List<List<HopEvidence>> partEvidence,
      FlowBatches batches,
      Map<String, List<BlindSource>> blind,
      List<Notice> notices) {
    List<Hop> hops = path.hops();
    List<HopEvidence> all = new ArrayList<>();
    for (Hop hop : hops) {
      all.add(evidence(byHop.get(hop.name()), hop, false));
    }
    long[] skew = ClockCorrection.of(hops, all, notices);
    List<HopFlow> out = new ArrayList<>();
    for (int k = 0; k < hops.size(); k++) {
      Hop hop = hops.get(k);
      List<FoundEvent> at = byHop.get(hop.name());
      List<FlowEvent> events = at.stream().map(FoundEvent::event).sorted(OLDEST_FIRST).toList();
      HopVerdict verdict = judged.get(0).hops().get(k);
      for (VerdictRules.Judgement j : judged) {
        verdict = VerdictRules.worse(verdict, j.hops().get(k));
      }
      Long latency = ClockCorrection.latency(all, skew, k);
      int failures = (int) at.stream().filter(f -> f.event().failure()).count();
      HopFlow.PartProgress progress = null;
      if (split != null && k >= split.toHop()) {
        final int hopIndex = k;
        int reached = (int) partEvidence.stream().filter(e -> e.get(hopIndex).present()).count();
        progress = new HopFlow.PartProgress(reached, split.parts().size());
      }
      out.add(
          new HopFlow(
              hop.name(),
              verdict,
              attempts(hop, at),
              all.get(k).first(),
              events.isEmpty() ? null : events.get(events.size() - 1).timestamp(),
              latency,
              events,
              failures,
              failures > 0 && verdict != HopVerdict.ERROR,
              skew[k],
              progress,
              batches.sharedAt(k, at),
              blind.getOrDefault(hop.name(), List.of())));
    }
    return out;
  }

  private static boolean allBlind(Hop hop, List<BlindSource> blind) {
    if (blind.isEmpty()) {
      return false;
    }
    Set<String> patterns = new java.util.HashSet<>();
    blind.forEach(b -> patterns.add(b.pattern()));
    return hop.sources().stream().allMatch(s -> patterns.contains(s.index()));
  }

  /** What the events {@code at} one hop say, for the verdict rules. */
  static HopEvidence evidence(List<FoundEvent> at, Hop hop, boolean unreadable) {
    if (unreadable && at.isEmpty()) {
      return HopEvidence.blind(hop.sla());
    }
    Instant first = null;
    Instant last = null;
    Instant lastFailure = null;
    boolean terminal = false;
    boolean dead = false;
    for (FoundEvent f : at) {
      Instant t = f.event().timestamp();
      first = first == null || t.isBefore(first) ? t : first;
      last = last == null || t.isAfter(last) ? t : last;
      if (f.event().failure()) {
        lastFailure = lastFailure == null || t.isAfter(lastFailure) ? t : lastFailure;
        terminal |= f.terminal();
      }
      dead |= f.event().deadLetter();
    }
    return new HopEvidence(
        first, last, lastFailure != null, lastFailure, terminal, dead, hop.sla(), false);
  }

  /**
   * Per source: events meeting {@code attemptStart}, or (without conditions) every span, or one for
   * a log source; the hop's attempts are the most any source counts, at least 1 with evidence.
   */
  static int attempts(Hop hop, List<FoundEvent> events) {
    if (events.isEmpty()) {
      return 0;
    }
    int most = 1;
    for (EventSourceDef s : hop.sources()) {
      boolean byConditions = !s.fields().attemptStart().isEmpty();
      int n = 0;
      for (FoundEvent f : events) {
        // the same definition object nearly always: equals() compares records field by field
        if (f.source() != s && !f.source().equals(s)) {
          continue;
        }
        if (byConditions) {
          n += f.attemptStart() ? 1 : 0;
        } else if (s.kind() == EventSourceDef.Kind.SPAN) {
          n++;
        } else {
          n = 1;
        }
      }
      most = Math.max(most, n);
    }
    return most;
  }
}
