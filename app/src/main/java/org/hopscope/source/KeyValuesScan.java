package org.hopscope.source;

import java.util.List;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;

/**
 * A window-wide question pushed down into the backend: over the documents of {@code indices} whose
 * timestamp lies in {@code window} and that carry both fields, each distinct value of {@code key}
 * with the distinct values of {@code value} its documents carry (a message ID and the batch or part
 * IDs it was linked to). Answered page by page in ascending key order (UTF-8 byte order, as for a
 * {@link KeyScan}), so it merge-joins with key scans.
 *
 * @param indices index patterns (one field naming)
 * @param key the join field (a message ID)
 * @param value the field whose values are listed per key (a link's from-field)
 * @param timestamp event time field
 * @param timestampFormat its format
 * @param window time bound
 */
public record KeyValuesScan(
    List<String> indices,
    FieldPath key,
    FieldPath value,
    FieldPath timestamp,
    TimestampFormat timestampFormat,
    TimeWindow window) {

  public KeyValuesScan {
    indices = List.copyOf(indices);
  }

  /** The same question over {@code slice} instead of its window. */
  public KeyValuesScan within(TimeWindow slice) {
    return new KeyValuesScan(indices, key, value, timestamp, timestampFormat, slice);
  }
}
