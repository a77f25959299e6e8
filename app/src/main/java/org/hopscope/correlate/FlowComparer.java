package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hopscope.model.Comparison.FieldDifference;
import org.hopscope.model.Comparison.HopComparison;
import org.hopscope.model.Comparison.Side;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.Hop;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;

/**
 * Compares two flows of one path hop by hop: each side's verdict, times, hand-over latency and
 * attempts, the latency delta, the event kinds one side has and the other lacks ({@link
 * EventKinds}), and the document fields that differ between events of the same kind ({@link
 * DocumentFields}). Pure: no backend.
 */
public final class FlowComparer {

  private final PathDef path;

  public FlowComparer(PathDef path) {
    this.path = path;
  }

  /** One entry per hop of the path, in path order. */
  public List<HopComparison> compare(Flow subject, Flow other) {
    Set<String> ids = new HashSet<>();
    collectIds(subject, ids);
    collectIds(other, ids);
    EventKinds kinds = new EventKinds(ids);
    List<HopComparison> out = new ArrayList<>();
    for (Hop hop : path.hops()) {
      HopFlow a = hopOf(subject, hop.name());
      HopFlow b = hopOf(other, hop.name());
      out.add(compare(hop, a, b, kinds, ids));
    }
    return out;
  }

  private HopComparison compare(Hop hop, HopFlow a, HopFlow b, EventKinds kinds, Set<String> ids) {
    Map<String, List<FlowEvent>> ka = kinds.group(a == null ? List.of() : a.events());
    Map<String, List<FlowEvent>> kb = kinds.group(b == null ? List.of() : b.events());
    Set<String> mapped = mappedFields(hop);
    List<FieldDifference> fields = new ArrayList<>();
    int more = 0;
    Set<String> seen = new HashSet<>();
    for (Map.Entry<String, List<FlowEvent>> kind : ka.entrySet()) {
      List<FlowEvent> theirs = kb.get(kind.getKey());
      if (theirs == null) {
        continue;
      }
      for (FieldDifference d :
          differences(kind.getKey(), kind.getValue().get(0), theirs.get(0), mapped, ids)) {
        if (!seen.add(d.field())) {
          continue;
        }
        if (fields.size() < HopComparison.FIELDS) {
          fields.add(d);
        } else {
          more++;
        }
      }
    }
    Side sa = side(a);
    Side sb = side(b);
    Long delta =
        sa.latencyMs() == null || sb.latencyMs() == null ? null : sa.latencyMs() - sb.latencyMs();
    return new HopComparison(
        hop.name(),
        sa,
        sb,
        delta,
        EventKinds.absentFrom(kb, ka),
        EventKinds.absentFrom(ka, kb),
        fields,
        more);
  }

  private static List<FieldDifference> differences(
      String kind, FlowEvent a, FlowEvent b, Set<String> mapped, Set<String> ids) {
    Map<String, String> fa = DocumentFields.flatten(a.document());
    Map<String, String> fb = DocumentFields.flatten(b.document());
    Set<String> names = new LinkedHashSet<>(fa.keySet());
    names.addAll(fb.keySet());
    Set<String> eventIds = new HashSet<>(ids);
    for (FlowEvent e : List.of(a, b)) {
      eventIds.addAll(e.ids());
      if (e.traceId() != null) {
        eventIds.add(e.traceId());
      }
      if (e.spanId() != null) {
        eventIds.add(e.spanId());
      }
    }
    List<FieldDifference> out = new ArrayList<>();
    for (String name : names) {
      String va = fa.get(name);
      String vb = fb.get(name);
      if (Objects.equals(va, vb)
          || DocumentFields.ignored(name, va, mapped, eventIds)
          || DocumentFields.ignored(name, vb, mapped, eventIds)) {
        continue;
      }
      out.add(new FieldDifference(kind, name, va, vb));
    }
    return out;
  }

  /** The fields the hop's sources map to IDs, times and the message (compared as kinds). */
  private static Set<String> mappedFields(Hop hop) {
    Set<String> out = new HashSet<>();
    for (EventSourceDef s : hop.sources()) {
      FieldMap f = s.fields();
      for (FieldPath p : List.of(f.timestamp())) {
        out.add(p.text());
      }
      f.messageIds().forEach(p -> out.add(p.text()));
      for (FieldPath p : new FieldPath[] {f.traceId(), f.spanId(), f.message()}) {
        if (p != null) {
          out.add(p.text());
        }
      }
    }
    return out;
  }

  private static Side side(HopFlow h) {
    if (h == null) {
      return new Side(HopVerdict.NO_EVIDENCE, false, null, null, null, 0, 0);
    }
    return new Side(
        h.verdict(),
        !h.events().isEmpty(),
        h.firstSeen(),
        h.lastSeen(),
        h.latencyMs(),
        h.attempts(),
        h.events().size());
  }

  private static HopFlow hopOf(Flow flow, String hop) {
    return flow.hops().stream().filter(h -> h.hop().equals(hop)).findFirst().orElse(null);
  }

  private static void collectIds(Flow flow, Set<String> ids) {
    ids.addAll(flow.ids());
    ids.add(flow.query());
  }
}
