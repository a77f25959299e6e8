package org.hopscope.playbook;

import java.util.Locale;

/**
 * An Elasticsearch count check's query, {@link org.hopscope.model.playbook.Check#query()} of kind
 * {@code ES_COUNT}: {@code hop: H, count: events|failures|dead_letters|messages[, match: TEXT]},
 * optionally in braces. {@code match} comes last and takes the rest of the text verbatim (commas
 * included; one pair of surrounding quotes is removed), so any text can be matched.
 *
 * @param hop the hop (may hold {@code ${var}} references, bound later)
 * @param count what is counted
 * @param match a phrase the hop's message field must contain, or null
 */
public record EsCount(String hop, Count count, String match) {

  /** What an ES count counts. */
  public enum Count {
    /** Documents of the hop's sources. */
    EVENTS,
    /** Documents meeting the hop's failure conditions. */
    FAILURES,
    /** Documents meeting the hop's dead-letter conditions. */
    DEAD_LETTERS,
    /** Distinct message IDs. */
    MESSAGES
  }

  /**
   * Reads the query text.
   *
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  public static EsCount parse(String text) {
    String t = text.strip();
    if (t.startsWith("{") && t.endsWith("}")) {
      t = t.substring(1, t.length() - 1).strip();
    }
    String match = null;
    int m = t.indexOf("match:");
    if (m >= 0) {
      match = unquote(t.substring(m + "match:".length()).strip());
      t = t.substring(0, m).strip();
      if (t.endsWith(",")) {
        t = t.substring(0, t.length() - 1);
      }
    }
    String hop = null;
    String count = null;
    for (String part : t.split(",")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int colon = p.indexOf(':');
      String key = colon < 0 ? p : p.substring(0, colon).strip();
      String value = colon < 0 ? "" : unquote(p.substring(colon + 1).strip());
      switch (key) {
        case "hop" -> hop = value;
        case "count" -> count = value;
        default ->
            throw new IllegalArgumentException(
                "es count: unknown key '" + key + "'; expected hop, count and optionally match");
      }
    }
    if (hop == null || hop.isEmpty() || count == null) {
      throw new IllegalArgumentException(
          "es count '"
              + text
              + "' needs hop and count: {hop: H, count: events|failures|"
              + "dead_letters|messages, match: TEXT}");
    }
    Count c;
    try {
      c = Count.valueOf(count.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "es count: count '" + count + "' is none of events, failures, dead_letters, messages", e);
    }
    return new EsCount(hop, c, match);
  }

  /**
   * The canonical text of a count, as {@code Check.query} carries it: {@code hop: H, count: C[,
   * match: TEXT]} ({@code match} last: it takes the rest of the text, commas included).
   */
  public String query() {
    return text(hop, count.name().toLowerCase(Locale.ROOT), match);
  }

  /** {@link #query()} for values not yet validated (the reader reports bad ones itself). */
  static String text(String hop, String count, String match) {
    return "hop: "
        + hop
        + ", count: "
        + count
        + (match == null || match.isEmpty() ? "" : ", match: " + match);
  }

  private static String unquote(String s) {
    if (s.length() >= 2
        && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }
}
