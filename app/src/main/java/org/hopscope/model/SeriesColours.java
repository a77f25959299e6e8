package org.hopscope.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which colour each series of a panel is drawn in: by meaning when a label value (or, for a series
 * without labels, its legend) says what the series is, so failures are red wherever they come from;
 * otherwise the neutral colours in turn. A panel's {@link SeriesColourRule}s come first. Series
 * sharing a colour get successive shades ({@link Tone#shade}), so no two look alike.
 */
public final class SeriesColours {

  /**
   * How one series is drawn.
   *
   * @param colour the family
   * @param shade 0 for the family's first series in the panel, 1 for the second, ...
   */
  public record Tone(SeriesColour colour, int shade) {}

  private static final Set<String> RED =
      Set.of(
          "fail",
          "failed",
          "failure",
          "failures",
          "failing",
          "error",
          "errors",
          "err",
          "errored",
          "fatal",
          "fault",
          "faults",
          "faulted",
          "exception",
          "exceptions",
          "dlq",
          "deadletter",
          "deadlettered",
          "deadletters",
          "rejected",
          "reject",
          "rejects",
          "rejection",
          "5xx");
  private static final Set<String> AMBER =
      Set.of(
          "retry",
          "retries",
          "retried",
          "retrying",
          "parked",
          "park",
          "waiting",
          "wait",
          "timeout",
          "timeouts",
          "timedout",
          "pending",
          "throttled",
          "delayed",
          "backoff",
          "4xx");
  private static final Set<String> GREEN =
      Set.of(
          "success",
          "successes",
          "successful",
          "succeeded",
          "ok",
          "processed",
          "completed",
          "delivered",
          "done",
          "2xx");

  private SeriesColours() {}

  /**
   * The tone of each series, in the given order.
   *
   * @param labels each series' labels
   * @param legends each series' legend text (same size as {@code labels})
   * @param rules the panel's overrides, first match wins
   */
  public static List<Tone> assign(
      List<Map<String, String>> labels, List<String> legends, List<SeriesColourRule> rules) {
    Map<SeriesColour, Integer> used = new EnumMap<>(SeriesColour.class);
    List<Tone> out = new ArrayList<>();
    int neutral = 0;
    for (int i = 0; i < labels.size(); i++) {
      Map<String, String> l = labels.get(i);
      String legend = legends.get(i);
      SeriesColour colour =
          rules.stream()
              .filter(r -> r.matches(l, legend))
              .map(SeriesColourRule::colour)
              .findFirst()
              .or(() -> meaning(l, legend))
              .orElse(null);
      if (colour == null) {
        colour = SeriesColour.NEUTRAL.get(neutral++ % SeriesColour.NEUTRAL.size());
      }
      int shade = used.merge(colour, 1, Integer::sum) - 1;
      out.add(new Tone(colour, shade));
    }
    return out;
  }

  /**
   * RED, AMBER or GREEN when a label value (the legend for a series without labels) names a
   * failure, a wait or retry, or a success (in that order of precedence); empty otherwise. Words
   * are matched whole, case-insensitively ({@code dead_lettered}, {@code Dead-lettered/s}); a
   * three-digit value of a label whose name contains {@code status} or {@code code} counts as its
   * class (5xx red, 4xx amber, 2xx green).
   */
  public static Optional<SeriesColour> meaning(Map<String, String> labels, String legend) {
    List<SeriesColour> found = new ArrayList<>();
    if (labels.isEmpty()) {
      found.add(ofText(legend));
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      found.add(ofText(e.getValue()));
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if ((key.contains("status") || key.contains("code")) && e.getValue().matches("[245]\\d\\d")) {
        found.add(ofText(e.getValue().charAt(0) + "xx"));
      }
    }
    for (SeriesColour c : List.of(SeriesColour.RED, SeriesColour.AMBER, SeriesColour.GREEN)) {
      if (found.contains(c)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  private static SeriesColour ofText(String text) {
    if (text == null) {
      return null;
    }
    String[] words = text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
    SeriesColour best = null;
    for (int i = 0; i < words.length; i++) {
      String pair = i + 1 < words.length ? words[i] + words[i + 1] : words[i];
      for (String w : List.of(words[i], pair)) {
        SeriesColour c =
            RED.contains(w)
                ? SeriesColour.RED
                : AMBER.contains(w)
                    ? SeriesColour.AMBER
                    : GREEN.contains(w) ? SeriesColour.GREEN : null;
        if (c != null && (best == null || c.ordinal() < best.ordinal())) {
          best = c;
        }
      }
    }
    return best;
  }
}
