package org.hopscope.ui.flow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.hopscope.model.EventWords;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;

/** The events table's rows and filter: pure logic, no FX. */
public final class EventFilter {

  private EventFilter() {}

  /**
   * Every event of the flow, oldest first by the time shown (stored time plus its hop's clock
   * correction, {@link EventTimes}), stable across hops; O(n log n).
   */
  public static List<FlowEvent> rows(Flow flow) {
    if (flow == null) {
      return List.of();
    }
    int n = 0;
    for (HopFlow h : flow.hops()) {
      n += h.events().size();
    }
    List<FlowEvent> all = new ArrayList<>(n);
    for (HopFlow h : flow.hops()) {
      all.addAll(h.events());
    }
    // each hop's events come oldest first: TimSort merges those runs in O(n log hops)
    EventTimes times = EventTimes.of(flow);
    all.sort(Comparator.comparingLong(times::shownMs));
    return all;
  }

  /**
   * Rows whose message, level, hop, service, trace ID or any message ID contains {@code text}
   * (case-insensitive), and, when {@code hop} is not null, that belong to that hop.
   */
  public static Predicate<FlowEvent> matching(String text, String hop) {
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return e -> (hop == null || hop.equals(e.hop())) && (needle.isEmpty() || contains(e, needle));
  }

  private static boolean contains(FlowEvent e, String needle) {
    if (has(e.message(), needle)
        || has(e.level(), needle)
        || has(EventWords.message(e), needle)
        || has(EventWords.level(e), needle)
        || has(e.hop(), needle)
        || has(e.service(), needle)
        || has(e.traceId(), needle)) {
      return true;
    }
    for (String id : e.ids()) {
      if (has(id, needle)) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(String value, String needle) {
    return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
  }
}
