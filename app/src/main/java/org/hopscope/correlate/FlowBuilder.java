package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;

/**
 * Arranges one message's events along its path: per hop the events oldest first, attempts,
 * first/last seen, latency to the next hop (negative clock skew clamped to 0 and reported) and the
 * verdicts of {@link VerdictRules}.
 */
final class FlowBuilder {

  private static final Comparator<FlowEvent> OLDEST_FIRST =
      Comparator.comparing(FlowEvent::timestamp)
          .thenComparing(FlowEvent::index)
          .thenComparing(FlowEvent::docId);

  /** The hops and the verdict, with notices about clock skew. */
  record Built(List<HopFlow> hops, HopVerdict verdict, String stuckAt, List<Notice> notices) {}

  Built build(PathDef path, List<FoundEvent> found, Instant asOf) {
    List<Hop> hops = path.hops();
    Map<String, List<FoundEvent>> byHop = new LinkedHashMap<>();
    hops.forEach(h -> byHop.put(h.name(), new ArrayList<>()));
    for (FoundEvent f : found) {
      byHop.computeIfAbsent(f.event().hop(), h -> new ArrayList<>()).add(f);
    }
    List<HopEvidence> evidence = new ArrayList<>();
    for (Hop hop : hops) {
      List<FoundEvent> at = byHop.get(hop.name());
      Instant first =
          at.stream().map(f -> f.event().timestamp()).min(Instant::compareTo).orElse(null);
      evidence.add(
          new HopEvidence(
              first,
              at.stream().anyMatch(f -> f.event().failure()),
              at.stream().anyMatch(f -> f.event().deadLetter()),
              hop.sla()));
    }
    VerdictRules.Judgement judgement = VerdictRules.judge(evidence, asOf);
    List<Notice> notices = new ArrayList<>();
    List<HopFlow> out = new ArrayList<>();
    for (int k = 0; k < hops.size(); k++) {
      Hop hop = hops.get(k);
      List<FlowEvent> events =
          byHop.get(hop.name()).stream().map(FoundEvent::event).sorted(OLDEST_FIRST).toList();
      Instant first = evidence.get(k).first();
      Instant last = events.isEmpty() ? null : events.get(events.size() - 1).timestamp();
      Long latency = null;
      if (first != null && k + 1 < hops.size() && evidence.get(k + 1).present()) {
        long ms = Duration.between(first, evidence.get(k + 1).first()).toMillis();
        if (ms < 0) {
          notices.add(new Notice.ClockSkew(hop.name(), hops.get(k + 1).name(), -ms));
          ms = 0;
        }
        latency = ms;
      }
      out.add(
          new HopFlow(
              hop.name(),
              judgement.hops().get(k),
              attempts(hop, byHop.get(hop.name())),
              first,
              last,
              latency,
              events));
    }
    String stuckAt =
        judgement.verdict() == HopVerdict.STUCK ? hops.get(judgement.hop()).name() : null;
    return new Built(out, judgement.verdict(), stuckAt, notices);
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
