package org.hopscope.playbook;

import java.util.Objects;

/**
 * An Elasticsearch count of a check ({@code es: {hop, count, match}}), as {@link
 * org.hopscope.model.playbook.Check#query()} carries it: {@code hop: H, count: C} or {@code hop: H,
 * count: C, match: TEXT}. Resolved by the runner through the path definition's sources and field
 * maps, never raw index names.
 *
 * @param hop the hop whose events are counted; may hold {@code ${var}} references
 * @param count one of {@code events}, {@code failures}, {@code dead_letters}, {@code messages}
 *     ({@link PlaybookFormat#ES_COUNTS})
 * @param match text the event's message must contain, may hold {@code ${var}}; "" for any
 */
public record EsCount(String hop, String count, String match) {

  private static final String HOP = "hop: ";
  private static final String COUNT = ", count: ";
  private static final String MATCH = ", match: ";

  public EsCount {
    Objects.requireNonNull(hop, "hop");
    Objects.requireNonNull(count, "count");
    match = match == null ? "" : match;
  }

  /** The query text as {@link org.hopscope.model.playbook.Check#query()} carries it. */
  public String query() {
    return HOP + hop + COUNT + count + (match.isEmpty() ? "" : MATCH + match);
  }

  /**
   * Reads {@link #query()}'s text back (the match text is everything after {@code , match: }).
   *
   * @throws IllegalArgumentException when {@code query} is not in that form
   */
  public static EsCount parse(String query) {
    int count = query.indexOf(COUNT);
    if (!query.startsWith(HOP) || count < 0) {
      throw new IllegalArgumentException(
          "not an Elasticsearch count 'hop: H, count: C[, match: TEXT]': " + query);
    }
    String hop = query.substring(HOP.length(), count);
    String rest = query.substring(count + COUNT.length());
    int match = rest.indexOf(MATCH);
    return match < 0
        ? new EsCount(hop, rest, "")
        : new EsCount(hop, rest.substring(0, match), rest.substring(match + MATCH.length()));
  }
}
