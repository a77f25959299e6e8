package org.hopscope.ui.stuck;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.TimeWindow;

/**
 * How the stuck-messages view says times, windows and counts in words (local time, "12 min ago").
 */
final class StuckWords {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

  private StuckWords() {}

  /** A count with thousands separators, as the funnel and the count label show it. */
  static String count(long n) {
    return NumberFormat.getIntegerInstance(Locale.getDefault()).format(n);
  }

  /** "today 15:32 – 16:22 (50 min)" or "25 Nov 23:00 – 26 Nov 02:00 (3 h)" in {@code zone}. */
  static String window(TimeWindow w, Instant now, ZoneId zone) {
    ZonedDateTime from = w.from().atZone(zone);
    ZonedDateTime to = w.to().atZone(zone);
    LocalDate today = now.atZone(zone).toLocalDate();
    String start = day(from.toLocalDate(), today) + " " + TIME.format(from);
    String end =
        to.toLocalDate().equals(from.toLocalDate())
            ? TIME.format(to)
            : day(to.toLocalDate(), today) + " " + TIME.format(to);
    return start + " \u2013 " + end + " (" + span(w.length()) + ")";
  }

  private static String day(LocalDate d, LocalDate today) {
    if (d.equals(today)) {
      return "today";
    }
    if (d.equals(today.minusDays(1))) {
      return "yesterday";
    }
    return DAY.format(d);
  }

  /** "3 h", "50 min", "1 h 30 min", "2 d 4 h". */
  static String span(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return d.toSeconds() + " s";
    }
    long days = minutes / (24 * 60);
    long hours = (minutes / 60) % 24;
    long mins = minutes % 60;
    if (days > 0) {
      return hours > 0 ? days + " d " + hours + " h" : days + " d";
    }
    if (hours > 0) {
      return mins > 0 ? hours + " h " + mins + " min" : hours + " h";
    }
    return mins + " min";
  }

  /** A local time of day with seconds: "16:04:12". */
  static String clockTime(Instant t, ZoneId zone) {
    return SECONDS.format(t.atZone(zone));
  }

  /** "just now", "12 min ago", "3 h 5 min ago", "in 2 min". */
  static String relative(Instant t, Instant now) {
    Duration d = Duration.between(t, now);
    if (d.abs().toMinutes() < 1) {
      return "just now";
    }
    return d.isNegative() ? "in " + span(d.negated()) : span(d) + " ago";
  }

  /** "took 820 ms" / "took 1.4 s". */
  static String took(Duration d) {
    long ms = d.toMillis();
    return ms < 1000
        ? "took " + ms + " ms"
        : String.format(Locale.ROOT, "took %.1f s", ms / 1000.0);
  }

  /** What the estimates shown are, and whether the exact figures still follow (ADR 0039). */
  static String estimate(StuckEstimate estimate, StuckViewModel.State state) {
    String what =
        switch (state) {
          case FAILED ->
              "Estimates only: the exact analysis failed (see above), so these figures were"
                  + " never confirmed.";
          case CANCELLED ->
              "Estimates only: cancelled before the exact figures. Press Analyse for them.";
          default ->
              "Estimated on a hash sample of the message IDs, ahead of the full scans. The exact"
                  + " figures and the message list replace them when the scans complete.";
        };
    StringBuilder b =
        new StringBuilder(what).append(" Each figure is \u2248 value \u00b1 its error bound.");
    estimate.notices().forEach(n -> b.append('\n').append(n.text()));
    return b.toString();
  }
}
