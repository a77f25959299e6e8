package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.TimeWindow;

/**
 * A message's journey cut to its bound: the events found in the window anchor it, and those within
 * the path's journey bound of the anchor are kept (without any in the window, every event found
 * anchors it). Counts what lies before and after the window.
 *
 * @param events the kept events
 * @param before kept events before the window
 * @param after kept events after it
 */
record Journey(List<FoundEvent> events, int before, int after) {

  static Journey of(List<FoundEvent> found, TimeWindow window, Duration bound) {
    if (window == null || found.isEmpty()) {
      return new Journey(found, 0, 0);
    }
    Instant first = null;
    Instant last = null;
    for (FoundEvent f : found) {
      Instant t = f.event().timestamp();
      if (window.contains(t)) {
        first = first == null || t.isBefore(first) ? t : first;
        last = last == null || t.isAfter(last) ? t : last;
      }
    }
    if (first == null) {
      first = found.stream().map(f -> f.event().timestamp()).min(Instant::compareTo).orElseThrow();
      last = found.stream().map(f -> f.event().timestamp()).max(Instant::compareTo).orElseThrow();
    }
    Instant from = first.minus(bound);
    Instant to = last.plus(bound);
    int before = 0;
    int after = 0;
    List<FoundEvent> kept =
        found.stream()
            .filter(
                f -> !f.event().timestamp().isBefore(from) && !f.event().timestamp().isAfter(to))
            .toList();
    for (FoundEvent f : kept) {
      Instant t = f.event().timestamp();
      if (t.isBefore(window.from())) {
        before++;
      } else if (!t.isBefore(window.to())) {
        after++;
      }
    }
    return new Journey(kept, before, after);
  }
}
