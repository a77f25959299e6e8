package org.hopscope.source;

import java.util.List;
import java.util.Objects;
import org.hopscope.model.Condition;
import org.hopscope.model.FieldPath;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.TimestampFormat;

/**
 * A count pushed down into the backend: over the documents of {@code indices} whose timestamp lies
 * in {@code window} (half-open) and that meet any of {@code anyOf} (empty: every document) and,
 * when {@code matchText} is given, hold that phrase in {@code messageField}, either how many
 * documents there are or, when {@code distinct} is given, how many distinct values it holds.
 *
 * <p>All values are data: conditions become exact {@code term}/{@code range}/{@code exists}
 * queries, {@code matchText} a {@code match_phrase} value, never query syntax.
 *
 * @param indices index patterns sharing one field naming (at least one)
 * @param timestamp event time field
 * @param timestampFormat its format
 * @param window time bound
 * @param anyOf a document counts only when it meets at least one of these; empty: all count
 * @param messageField the human-readable text field {@code matchText} is looked for in; null when
 *     {@code matchText} is null
 * @param matchText a phrase the message must contain (analysed as text, not parsed), or null
 * @param distinct count the distinct values of this field instead of documents, or null
 */
public record CountQuery(
    List<String> indices,
    FieldPath timestamp,
    TimestampFormat timestampFormat,
    TimeWindow window,
    List<Condition> anyOf,
    FieldPath messageField,
    String matchText,
    FieldPath distinct) {

  public CountQuery {
    indices = List.copyOf(indices);
    anyOf = List.copyOf(anyOf);
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
    Objects.requireNonNull(window, "window");
    if (indices.isEmpty()) {
      throw new IllegalArgumentException("a count needs at least one index pattern");
    }
    if (matchText != null && messageField == null) {
      throw new IllegalArgumentException("a match text needs a message field");
    }
  }
}
