package org.hopscope.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hopscope.model.Condition;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FieldMap;
import org.hopscope.model.FieldPath;
import org.hopscope.model.Hop;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.promql.PromQl;
import org.hopscope.source.Cancellation;
import org.hopscope.source.CountQuery;
import org.hopscope.source.EventSource;
import org.hopscope.source.UnreadableIndexException;

/**
 * An ES count check's number: one {@link CountQuery} per source of the hop (from its index pattern
 * and field map), summed; distinct messages in one query across sources that share their first
 * message-ID field, else the largest per source. A source that cannot be read makes the count no
 * number ({@link NoData}); so do sources that hold no event at all in the range.
 */
final class HopCounter {

  /** Why a count has no number: the reason, as the check's detail shows it. */
  static final class NoData extends Exception {
    private static final long serialVersionUID = 1L;

    NoData(String reason) {
      super(reason, null, false, false);
    }
  }

  private final EventSource events;

  HopCounter(EventSource events) {
    this.events = events;
  }

  /**
   * Counts {@code what} at {@code hop} over {@code range}.
   *
   * @param match a phrase the message field must hold, or null
   * @param notices receives what the user should know (a source without a message field ...)
   * @throws NoData when an index pattern of the hop matches no index or may not be read, when no
   *     source of the hop can count {@code what}, or when the hop's sources hold no event at all in
   *     the range (then a 0 says nothing)
   */
  long count(
      EsCount.Count what,
      Hop hop,
      TimeWindow range,
      String match,
      List<Notice> notices,
      Cancellation cancel)
      throws NoData {
    List<EventSourceDef> sources = new ArrayList<>();
    for (EventSourceDef s : hop.sources()) {
      if (match != null && s.fields().message() == null) {
        notices.add(new Notice.SourceNotCounted(s.index()));
      } else {
        sources.add(s);
      }
    }
    long total = 0;
    int counted = 0;
    if (what == EsCount.Count.MESSAGES) {
      if (!sources.isEmpty()) {
        total = distinctMessages(sources, range, match, notices, cancel);
        counted = sources.size();
      }
    } else {
      for (EventSourceDef s : sources) {
        FieldMap f = s.fields();
        List<Condition> anyOf =
            switch (what) {
              case FAILURES -> f.failure();
              case DEAD_LETTERS -> f.deadLetter();
              default -> List.of();
            };
        if (what != EsCount.Count.EVENTS && anyOf.isEmpty()) {
          notices.add(
              new Notice.NoCondition(
                  s.index(), what == EsCount.Count.FAILURES ? "failure" : "dead-letter"));
          continue;
        }
        total += count(List.of(s.index()), f, range, anyOf, match, null, cancel);
        counted++;
      }
    }
    if (counted == 0) {
      throw new NoData(
          "no source of "
              + hop.name()
              + " can count "
              + what.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (notices.isEmpty()
                  ? ""
                  : ": " + String.join("; ", notices.stream().map(Notice::text).toList())));
    }
    boolean allEvents = what == EsCount.Count.EVENTS && match == null;
    if (total == 0 && (allEvents || !anyEvents(hop, range, cancel))) {
      throw new NoData(
          "no event at all at "
              + hop.name()
              + " in "
              + patterns(hop)
              + " over ["
              + range.from()
              + ", "
              + range.to()
              + "): nothing to count");
    }
    return total;
  }

  /** Whether any source of the hop holds any event in {@code range}. */
  private boolean anyEvents(Hop hop, TimeWindow range, Cancellation cancel) throws NoData {
    for (EventSourceDef s : hop.sources()) {
      if (count(List.of(s.index()), s.fields(), range, List.of(), null, null, cancel) > 0) {
        return true;
      }
    }
    return false;
  }

  private long distinctMessages(
      List<EventSourceDef> sources,
      TimeWindow range,
      String match,
      List<Notice> notices,
      Cancellation cancel)
      throws NoData {
    FieldMap first = sources.get(0).fields();
    boolean shared =
        sources.stream()
            .allMatch(
                s ->
                    s.fields().messageIds().get(0).equals(first.messageIds().get(0))
                        && s.fields().timestamp().equals(first.timestamp())
                        && s.fields().timestampFormat() == first.timestampFormat()
                        && Objects.equals(s.fields().message(), first.message()));
    if (shared) {
      List<String> indices = sources.stream().map(EventSourceDef::index).toList();
      return count(indices, first, range, List.of(), match, first.messageIds().get(0), cancel);
    }
    notices.add(new Notice.LargestDistinctCount());
    long most = 0;
    for (EventSourceDef s : sources) {
      FieldMap f = s.fields();
      FieldPath distinct = f.messageIds().get(0);
      most =
          Math.max(most, count(List.of(s.index()), f, range, List.of(), match, distinct, cancel));
    }
    return most;
  }

  private long count(
      List<String> indices,
      FieldMap f,
      TimeWindow range,
      List<Condition> anyOf,
      String match,
      FieldPath distinct,
      Cancellation cancel)
      throws NoData {
    try {
      return events.count(
          new CountQuery(
              indices,
              f.timestamp(),
              f.timestampFormat(),
              range,
              anyOf,
              f.message(),
              match,
              distinct),
          cancel);
    } catch (UnreadableIndexException e) {
      throw new NoData(unreadable(e, f, range, cancel));
    }
  }

  /**
   * "index pattern logs-x-* matches no index" / "no privilege on logs-x-*", naming the pattern: of
   * several, the first that alone is refused.
   */
  private String unreadable(
      UnreadableIndexException e, FieldMap f, TimeWindow range, Cancellation cancel) {
    String pattern = e.patterns().size() == 1 ? e.patterns().get(0) : null;
    UnreadableIndexException.Reason reason = e.reason();
    for (int i = 0; pattern == null && i < e.patterns().size(); i++) {
      String p = e.patterns().get(i);
      try {
        events.count(
            new CountQuery(
                List.of(p), f.timestamp(), f.timestampFormat(), range, List.of(), null, null, null),
            cancel);
      } catch (UnreadableIndexException alone) {
        pattern = p;
        reason = alone.reason();
      }
    }
    if (pattern == null) {
      pattern = String.join(",", e.patterns());
    }
    return reason == UnreadableIndexException.Reason.NO_INDEX
        ? "index pattern " + pattern + " matches no index"
        : "no privilege on " + pattern;
  }

  private static String patterns(Hop hop) {
    return String.join(",", hop.sources().stream().map(EventSourceDef::index).toList());
  }

  /** The count as run, for the timeline: what, where, when. */
  static String describe(EsCount.Count what, Hop hop, TimeWindow range, String match) {
    StringBuilder s =
        new StringBuilder("count ")
            .append(what.name().toLowerCase(Locale.ROOT))
            .append(" at ")
            .append(hop.name())
            .append(" in ")
            .append(patterns(hop))
            .append(" [")
            .append(range.from())
            .append(", ")
            .append(range.to())
            .append(")");
    if (match != null) {
      s.append(" matching ").append(PromQl.quote(match));
    }
    return s.toString();
  }
}
