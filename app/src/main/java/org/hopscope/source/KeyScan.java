package org.hopscope.source;

import java.util.List;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;

/**
 * A window-wide question pushed down into the backend: over the documents of {@code indices} whose
 * timestamp lies in {@code window}, one bucket per distinct value of {@code key} with first/last
 * time, document count and how many documents meet the failure / dead-letter conditions. Answered
 * page by page in ascending key order (UTF-8 byte order, as Elasticsearch sorts keywords), so two
 * scans can be merge-joined with flat memory.
 *
 * @param indices index patterns (one field naming: all share {@code key} and {@code timestamp})
 * @param key join field (message ID or a re-keyed ID)
 * @param timestamp event time field
 * @param timestampFormat its format
 * @param window time bound
 * @param failure conditions counted into {@link KeyBucket#failures()}
 * @param deadLetter conditions counted into {@link KeyBucket#deadLetters()}
 * @param mark conditions counted into {@link KeyBucket#marked()} (e.g. "carries a link value"), so
 *     a question about the same keys needs no scan of its own; empty: none
 */
public record KeyScan(
    List<String> indices,
    FieldPath key,
    FieldPath timestamp,
    TimestampFormat timestampFormat,
    TimeWindow window,
    List<Condition> failure,
    List<Condition> deadLetter,
    List<Condition> mark) {

  public KeyScan {
    indices = List.copyOf(indices);
    failure = List.copyOf(failure);
    deadLetter = List.copyOf(deadLetter);
    mark = List.copyOf(mark);
  }

  /** A scan without marks. */
  public KeyScan(
      List<String> indices,
      FieldPath key,
      FieldPath timestamp,
      TimestampFormat timestampFormat,
      TimeWindow window,
      List<Condition> failure,
      List<Condition> deadLetter) {
    this(indices, key, timestamp, timestampFormat, window, failure, deadLetter, List.of());
  }

  /** The same question over {@code slice} instead of its window. */
  public KeyScan within(TimeWindow slice) {
    return new KeyScan(indices, key, timestamp, timestampFormat, slice, failure, deadLetter, mark);
  }

  /** This scan also counting the documents that meet {@code mark}. */
  public KeyScan withMark(List<Condition> mark) {
    return new KeyScan(indices, key, timestamp, timestampFormat, window, failure, deadLetter, mark);
  }
}
