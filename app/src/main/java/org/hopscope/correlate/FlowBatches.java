package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.Flow;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;

/**
 * The batches a message travelled in: the values of its many-to-one links (declared, or found
 * shared with other messages) that its events carry at the batching hop, and where the batch's
 * evidence is shared.
 */
final class FlowBatches {

  private final PathDef path;
  private final List<FoundEvent> found;
  private final Map<String, Set<String>> siblings;

  /** Batch ID -> index of its link. */
  private final Map<String, Integer> linkOf = new LinkedHashMap<>();

  FlowBatches(PathDef path, List<FoundEvent> found, Map<String, Set<String>> siblings) {
    this.path = path;
    this.found = found;
    this.siblings = siblings;
    List<IdLink> links = path.links();
    for (int i = 0; i < links.size(); i++) {
      boolean declared = links.get(i).cardinality() == IdLink.Cardinality.MANY_TO_ONE;
      if (!declared && !LinkValues.mayBeShared(links.get(i))) {
        continue;
      }
      for (FoundEvent f : found) {
        for (String v : f.from(i)) {
          if (declared || siblings.containsKey(v)) {
            linkOf.putIfAbsent(v, i);
          }
        }
      }
    }
  }

  /** The batches, each with its member count and a sample of the other members. */
  List<Flow.Batch> batches(PartSplit split) {
    List<Flow.Batch> out = new ArrayList<>();
    for (Map.Entry<String, Integer> b : linkOf.entrySet()) {
      List<String> others = new ArrayList<>(siblings.getOrDefault(b.getKey(), Set.of()));
      int own = split == null ? 1 : ownParts(b.getKey(), b.getValue(), split);
      out.add(
          new Flow.Batch(
              b.getKey(),
              path.links().get(b.getValue()).fromHop(),
              others.size() + own,
              others.subList(0, Math.min(Flow.Batch.SAMPLE, others.size())),
              List.of()));
    }
    return out;
  }

  /** The batch part {@code part} travelled in, or null. */
  String batchOf(String part, PartSplit split, PathDef path) {
    for (FoundEvent f : found) {
      if (!split.downstream(path, f) || !split.partsOf().getOrDefault(f, Set.of()).contains(part)) {
        continue;
      }
      for (int i = 0; i < path.links().size(); i++) {
        for (String v : f.from(i)) {
          if (linkOf.containsKey(v)) {
            return v;
          }
        }
      }
    }
    return null;
  }

  /** The batch IDs whose evidence hop {@code k}'s events {@code at} are. */
  List<String> sharedAt(int k, List<FoundEvent> at) {
    if (linkOf.isEmpty() || at.isEmpty()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, Integer> b : linkOf.entrySet()) {
      int to = path.indexOf(path.links().get(b.getValue()).toHop());
      if (k >= to && at.stream().anyMatch(f -> f.event().ids().contains(b.getKey()))) {
        out.add(b.getKey());
      }
    }
    return List.copyOf(out);
  }

  private int ownParts(String batch, int link, PartSplit split) {
    Set<String> parts = new LinkedHashSet<>();
    for (FoundEvent f : found) {
      if (f.from(link).contains(batch)) {
        parts.addAll(split.partsOf().getOrDefault(f, Set.of()));
      }
    }
    return Math.max(1, parts.size());
  }
}
