package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;

/**
 * A split message (one-to-many link): its parts, and which parts each downstream event belongs to.
 * A link is a split when the path declares it one-to-many, or (undeclared) when the message's
 * events at its upstream hop carry several of its values. An event downstream of the split belongs
 * to the parts whose IDs (or IDs derived from them, such as a part's batch ID) it carries; one that
 * carries none belongs to all.
 *
 * @param link index of the split link in the path
 * @param toHop index of the hop where the parts are logged alone
 * @param parts the part IDs, in discovery order
 * @param partsOf per downstream event: the parts it belongs to
 */
record PartSplit(int link, int toHop, List<String> parts, Map<FoundEvent, Set<String>> partsOf) {

  /** Rounds of spreading part membership along the IDs events share. */
  private static final int ROUNDS = 8;

  /** The message's split, or null when it has none. */
  static PartSplit of(PathDef path, List<FoundEvent> found) {
    List<IdLink> links = path.links();
    for (int i = 0; i < links.size(); i++) {
      IdLink link = links.get(i);
      if (link.cardinality() == IdLink.Cardinality.ONE_TO_ONE
          || link.cardinality() == IdLink.Cardinality.MANY_TO_ONE) {
        continue;
      }
      Set<String> values = new LinkedHashSet<>();
      for (FoundEvent f : found) {
        values.addAll(f.from(i));
      }
      boolean declared = link.cardinality() == IdLink.Cardinality.ONE_TO_MANY;
      if ((declared && !values.isEmpty()) || values.size() > 1) {
        int to = path.indexOf(link.toHop());
        return new PartSplit(i, to, List.copyOf(values), assign(path, found, to, values));
      }
    }
    return null;
  }

  /** Whether {@code f} is at or after the split's downstream hop. */
  boolean downstream(PathDef path, FoundEvent f) {
    return path.indexOf(f.event().hop()) >= toHop;
  }

  /** Whether {@code f} belongs to part {@code part} (events before the split belong to all). */
  boolean belongs(PathDef path, FoundEvent f, String part) {
    return !downstream(path, f) || partsOf.getOrDefault(f, Set.of(part)).contains(part);
  }

  private static Map<FoundEvent, Set<String>> assign(
      PathDef path, List<FoundEvent> found, int to, Set<String> parts) {
    Map<String, Set<String>> keyParts = new LinkedHashMap<>();
    parts.forEach(p -> keyParts.put(p, new LinkedHashSet<>(Set.of(p))));
    List<FoundEvent> downstream = new ArrayList<>();
    // the message's own IDs (logged before the split) say nothing about which part an event is
    Set<String> messageIds = new LinkedHashSet<>();
    for (FoundEvent f : found) {
      if (path.indexOf(f.event().hop()) >= to) {
        downstream.add(f);
      } else {
        messageIds.addAll(f.event().ids());
      }
    }
    messageIds.removeAll(parts);
    Map<FoundEvent, Set<String>> of = new IdentityHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      boolean moved = false;
      for (FoundEvent f : downstream) {
        List<String> keys = keys(f);
        keys.removeAll(messageIds);
        Set<String> ps = new LinkedHashSet<>();
        keys.forEach(k -> ps.addAll(keyParts.getOrDefault(k, Set.of())));
        if (ps.isEmpty()) {
          continue;
        }
        of.put(f, ps);
        for (String k : keys) {
          moved |= keyParts.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(ps);
        }
      }
      if (!moved) {
        break;
      }
    }
    Set<String> all = Set.copyOf(parts);
    downstream.forEach(f -> of.putIfAbsent(f, all));
    return of;
  }

  private static List<String> keys(FoundEvent f) {
    List<String> keys = new ArrayList<>(f.event().ids());
    f.linkFrom().forEach(keys::addAll);
    return keys;
  }
}
