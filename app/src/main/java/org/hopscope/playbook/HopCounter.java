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

/**
 * An ES count check's number: one {@link CountQuery} per source of the hop (from its index pattern
 * and field map), summed; distinct messages in one query across sources that share their first
 * message-ID field, else the largest per source.
 */
final class HopCounter {

  private final EventSource events;

  HopCounter(EventSource events) {
    this.events = events;
  }

  /**
   * Counts {@code what} at {@code hop} over {@code range}.
   *
   * @param match a phrase the message field must hold, or null
   * @param notices receives what the user should know (a source without a message field ...)
   */
  long count(
      EsCount.Count what,
      Hop hop,
      TimeWindow range,
      String match,
      List<Notice> notices,
      Cancellation cancel) {
    List<EventSourceDef> sources = new ArrayList<>();
    for (EventSourceDef s : hop.sources()) {
      if (match != null && s.fields().message() == null) {
        notices.add(new Notice.SourceNotCounted(s.index()));
      } else {
        sources.add(s);
      }
    }
    if (what == EsCount.Count.MESSAGES) {
      return distinctMessages(sources, range, match, notices, cancel);
    }
    long total = 0;
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
    }
    return total;
  }

  private long distinctMessages(
      List<EventSourceDef> sources,
      TimeWindow range,
      String match,
      List<Notice> notices,
      Cancellation cancel) {
    if (sources.isEmpty()) {
      return 0;
    }
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
      Cancellation cancel) {
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
  }

  /** The count as run, for the timeline: what, where, when. */
  static String describe(EsCount.Count what, Hop hop, TimeWindow range, String match) {
    StringBuilder s =
        new StringBuilder("count ")
            .append(what.name().toLowerCase(Locale.ROOT))
            .append(" at ")
            .append(hop.name())
            .append(" in ")
            .append(String.join(",", hop.sources().stream().map(EventSourceDef::index).toList()))
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
