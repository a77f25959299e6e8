package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.FindResult;
import org.hopscope.source.IdQuery;

/**
 * A search for a batch ID: the batch's members, each judged by its own events up to the batching
 * hop and the batch's shared evidence after it (one more round trip, at most {@link #LIMIT}
 * members).
 */
final class BatchMembers {

  /** Most members judged one by one. */
  static final int LIMIT = 500;

  private final EventSource events;
  private final FlowOptions options;
  private final PathDef path;

  BatchMembers(EventSource events, FlowOptions options, PathDef path) {
    this.events = events;
    this.options = options;
    this.path = path;
  }

  /** The batch {@code batch} with its members' verdicts, first in the returned list. */
  Flow.Batch judge(
      String batch,
      String hop,
      Set<String> members,
      List<FoundEvent> shared,
      Instant asOf,
      TimeWindow searched,
      List<Notice> notices,
      Cancellation cancel) {
    int batching = path.indexOf(hop);
    List<String> judged = new ArrayList<>(members).subList(0, Math.min(LIMIT, members.size()));
    Map<String, List<FoundEvent>> byMember = new LinkedHashMap<>();
    judged.forEach(m -> byMember.put(m, new ArrayList<>()));
    List<IdQuery> queries = new ArrayList<>();
    for (int k = 0; k <= batching; k++) {
      Hop h = path.hops().get(k);
      for (EventSourceDef s : h.sources()) {
        for (FieldPath f : s.fields().messageIds()) {
          queries.add(new IdQuery(h.name(), s, f, Set.copyOf(judged)));
        }
      }
    }
    FindResult result = events.find(queries, searched, options.eventsPerQuery(), cancel);
    notices.addAll(result.truncated());
    EventReader.Read read = new EventReader().read(result.events());
    notices.addAll(read.notices());
    for (FlowEvent e : read.events()) {
      for (String id : e.ids()) {
        List<FoundEvent> mine = byMember.get(id);
        if (mine != null) {
          mine.add(new FoundEvent(e, null, false, false, List.of()));
          break;
        }
      }
    }
    List<Flow.Member> verdicts = new ArrayList<>();
    for (Map.Entry<String, List<FoundEvent>> m : byMember.entrySet()) {
      List<HopEvidence> evidence = new ArrayList<>();
      for (int k = 0; k < path.hops().size(); k++) {
        Hop h = path.hops().get(k);
        List<FoundEvent> at = k <= batching ? m.getValue() : shared;
        evidence.add(
            FlowBuilder.evidence(
                at.stream().filter(f -> f.event().hop().equals(h.name())).toList(), h, false));
      }
      VerdictRules.Judgement j = VerdictRules.judge(evidence, asOf);
      verdicts.add(
          new Flow.Member(
              m.getKey(), j.verdict(), j.hop() < 0 ? null : path.hops().get(j.hop()).name()));
    }
    List<String> others = new ArrayList<>(members);
    return new Flow.Batch(
        batch,
        hop,
        members.size(),
        others.subList(0, Math.min(Flow.Batch.SAMPLE, others.size())),
        verdicts);
  }
}
