package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;

/**
 * Where a message was re-keyed: for each edge between consecutive hops, the IDs the later hop
 * brings in that the message did not carry at the last hop before it with evidence, written "old ->
 * new" (e.g. "ord-123 -> 4711"); null on edges where no new ID appears.
 */
public final class IdChanges {

  private IdChanges() {}

  /** One entry per edge (hops.size() - 1 entries; empty for fewer than two hops). */
  public static List<String> of(List<HopFlow> hops) {
    List<String> edges = new ArrayList<>();
    Set<String> previous = Set.of();
    for (int i = 0; i < hops.size(); i++) {
      Set<String> ids = idsOf(hops.get(i));
      if (i > 0) {
        edges.add(label(previous, ids));
      }
      if (!ids.isEmpty()) {
        previous = ids;
      }
    }
    return edges;
  }

  /** The IDs a hop's events carry, in first-seen order. */
  static Set<String> idsOf(HopFlow hop) {
    Set<String> ids = new LinkedHashSet<>();
    for (FlowEvent e : hop.events()) {
      ids.addAll(e.ids());
    }
    return ids;
  }

  static String label(Set<String> before, Set<String> after) {
    if (before.isEmpty() || after.isEmpty()) {
      return null;
    }
    List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
    if (added.isEmpty()) {
      return null;
    }
    return String.join(", ", before) + " -> " + String.join(", ", added);
  }

  /**
   * The label for a narrow edge: the new IDs only, the first and how many more ("→ 4711", "→ SHP-1
   * +2"); the whole label goes in the edge's tooltip.
   */
  public static String compact(String label) {
    if (label == null) {
      return null;
    }
    String[] added = label.substring(label.indexOf(" -> ") + 4).split(", ");
    return "→ " + added[0] + (added.length > 1 ? " +" + (added.length - 1) : "");
  }
}
