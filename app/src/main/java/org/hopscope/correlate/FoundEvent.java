package org.hopscope.correlate;

import java.util.List;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FlowEvent;

/**
 * A read event and the hop source it came from (attempt counting is per source).
 *
 * @param attemptStart whether the source's {@code attemptStart} conditions hold for it (false
 *     without conditions)
 * @param terminal whether it meets a terminal failure condition
 * @param linkFrom per link of the path (path order): the values of the link's upstream field the
 *     event carries (empty unless the event is at the link's upstream hop)
 */
record FoundEvent(
    FlowEvent event,
    EventSourceDef source,
    boolean attemptStart,
    boolean terminal,
    List<List<String>> linkFrom) {

  FoundEvent {
    linkFrom = List.copyOf(linkFrom);
  }

  /** The values of link {@code link}'s upstream field. */
  List<String> from(int link) {
    return link < linkFrom.size() ? linkFrom.get(link) : List.of();
  }
}
