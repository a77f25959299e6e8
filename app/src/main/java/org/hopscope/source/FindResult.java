package org.hopscope.source;

import java.util.List;
import org.hopscope.model.Notice;

/**
 * What one {@link EventSource#find} round returned.
 *
 * @param events the documents, de-duplicated by index and ID
 * @param truncated notices for queries that hit the event limit (which hop, how many there were);
 *     empty when complete
 */
public record FindResult(List<SourceEvent> events, List<Notice> truncated) {
  public FindResult {
    events = List.copyOf(events);
    truncated = List.copyOf(truncated);
  }
}
