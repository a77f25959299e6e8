package org.hopscope.ui.flow;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the flow views write durations and times (UTC, so every host's logs line up). */
public final class FlowFormat {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private FlowFormat() {}

  /**
   * A latency for an edge label: "42 ms" below a second, "1.2 s" below a minute, "3 m 05 s" below
   * an hour, "2 h 07 m" above; "?" when unknown (null).
   */
  public static String latency(Long millis) {
    if (millis == null) {
      return "?";
    }
    return org.hopscope.model.LatencyWords.of(Math.max(0, millis));
  }

  /** "HH:mm:ss.SSS" in UTC, or "" for null. */
  public static String time(Instant t) {
    return t == null ? "" : TIME.format(t);
  }

  /** "yyyy-MM-dd HH:mm:ss.SSS UTC", or "" for null. */
  public static String dateTime(Instant t) {
    return t == null ? "" : DATE_TIME.format(t);
  }

  /** A window to the minute: "2026-11-26 15:11 – 18:11 UTC" within one day, else both dates. */
  public static String window(Instant from, Instant to) {
    String f = MINUTE.format(from);
    String t = MINUTE.format(to);
    String sameDay = f.substring(0, 10).equals(t.substring(0, 10)) ? t.substring(11) : t;
    return f + " – " + sameDay + " UTC";
  }

  /** "1 event", "100,000 events". */
  public static String events(long n) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? "event" : "events");
  }
}
