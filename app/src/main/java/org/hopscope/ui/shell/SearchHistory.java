package org.hopscope.ui.shell;

import java.util.ArrayList;
import java.util.List;

/** Recent searches, newest first, without repeats, at most {@link #LIMIT}. Immutable. */
public record SearchHistory(List<String> entries) {

  /** How many searches are kept. */
  public static final int LIMIT = 20;

  public SearchHistory {
    entries = List.copyOf(entries);
  }

  public static SearchHistory empty() {
    return new SearchHistory(List.of());
  }

  /** This history with {@code query} (stripped) moved or added to the front. */
  public SearchHistory with(String query) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return this;
    }
    List<String> next = new ArrayList<>(LIMIT);
    next.add(q);
    for (String e : entries) {
      if (!e.equals(q) && next.size() < LIMIT) {
        next.add(e);
      }
    }
    return new SearchHistory(next);
  }
}
