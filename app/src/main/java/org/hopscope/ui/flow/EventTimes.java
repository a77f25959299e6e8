package org.hopscope.ui.flow;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;

/**
 * The times the flow views show: an event's stored time plus its hop's clock correction ({@link
 * HopFlow#skewMs()}), so that a journey across hosts whose clocks disagree runs forwards. Every
 * view (timeline, events table, hop cards) orders and draws by these corrected times and shows the
 * stored time beside them where a correction was made.
 */
public final class EventTimes {

  private static final EventTimes NONE = new EventTimes(Map.of());

  private final Map<String, Long> skewByHop;

  private EventTimes(Map<String, Long> skewByHop) {
    this.skewByHop = skewByHop;
  }

  /** The corrections of {@code flow}'s hops (none for null). */
  public static EventTimes of(Flow flow) {
    if (flow == null) {
      return NONE;
    }
    Map<String, Long> skew = new HashMap<>();
    for (HopFlow h : flow.hops()) {
      if (h.skewMs() != 0) {
        skew.put(h.hop(), h.skewMs());
      }
    }
    return skew.isEmpty() ? NONE : new EventTimes(skew);
  }

  /** Whether any hop's times are corrected. */
  public boolean corrected() {
    return !skewByHop.isEmpty();
  }

  /** The correction added to {@code hop}'s stored times, in ms (0: none). */
  public long skewMs(String hop) {
    return skewByHop.getOrDefault(hop, 0L);
  }

  /** The event's time as shown: stored time plus its hop's correction. */
  public Instant shown(FlowEvent e) {
    long skew = skewMs(e.hop());
    return skew == 0 ? e.timestamp() : e.timestamp().plusMillis(skew);
  }

  /** {@link #shown} in epoch ms. */
  public long shownMs(FlowEvent e) {
    return e.timestamp().toEpochMilli() + skewMs(e.hop());
  }
}
