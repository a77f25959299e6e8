package org.hopscope.correlate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.IdLink;
import org.hopscope.model.PathDef;
import org.hopscope.source.IdQuery;

/**
 * The queries of one round of {@link IdFollower}: per hop source, the new IDs on its message-ID
 * fields and on both ends of the path's links, the new trace IDs on its trace field; one query per
 * hop, source and field, their values merged.
 */
final class RoundQueries {

  private RoundQueries() {}

  /**
   * This round's queries. A trace ID query leaves out documents carrying an ID asked for by ID
   * (this round or before): those come through the ID queries of the same source.
   */
  static List<IdQuery> of(
      PathDef path, Set<String> newIds, Set<String> newTraces, Set<String> askedIds) {
    Map<String, IdQuery> out = new LinkedHashMap<>();
    for (Hop hop : path.hops()) {
      for (EventSourceDef s : hop.sources()) {
        if (!newIds.isEmpty()) {
          for (FieldPath f : s.fields().messageIds()) {
            put(out, new IdQuery(hop.name(), s, f, newIds));
          }
          for (IdLink link : path.links()) {
            if (link.fromHop().equals(hop.name())) {
              put(out, new IdQuery(hop.name(), s, link.fromField(), newIds));
            }
            if (link.toHop().equals(hop.name())) {
              put(out, new IdQuery(hop.name(), s, link.toField(), newIds));
            }
          }
        }
        if (!newTraces.isEmpty() && s.fields().traceId() != null) {
          put(out, new IdQuery(hop.name(), s, s.fields().traceId(), newTraces, askedIds));
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static void put(Map<String, IdQuery> out, IdQuery q) {
    String key = q.hop() + "\u0000" + q.source().index() + "\u0000" + q.field().text();
    IdQuery had = out.get(key);
    if (had == null) {
      out.put(key, q);
    } else {
      Set<String> values = new LinkedHashSet<>(had.values());
      values.addAll(q.values());
      // exclude only what both exclude: an ID query on the same field excludes nothing
      Set<String> excluded = new LinkedHashSet<>(had.excludingMessageIds());
      excluded.retainAll(q.excludingMessageIds());
      out.put(key, new IdQuery(q.hop(), q.source(), q.field(), values, excluded));
    }
  }
}
