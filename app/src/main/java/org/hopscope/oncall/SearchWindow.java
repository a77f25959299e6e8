package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import org.hopscope.model.TimeWindow;

/**
 * The time bounds both faces search with when the user gives none, and the one notion of "as of"
 * (SLA and stuck verdicts are measured to it; later events do not count).
 */
public final class SearchWindow {

  /**
   * How far back following a message looks by default: a whole day, so the order that went in
   * yesterday evening and is stuck at 03:00 is found rather than shown as "no evidence".
   */
  public static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

  private SearchWindow() {}

  /** The default window for following a message: {@link #DEFAULT_LENGTH} up to {@code end}. */
  public static TimeWindow endingAt(Instant end) {
    return new TimeWindow(end.minus(DEFAULT_LENGTH), end);
  }

  /** The analysis time of {@code window}: its end, or {@code now} if none or it ends later. */
  public static Instant asOf(TimeWindow window, Instant now) {
    return window == null || window.to().isAfter(now) ? now : window.to();
  }
}
