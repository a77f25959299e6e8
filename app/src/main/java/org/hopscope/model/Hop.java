package org.hopscope.model;

import java.time.Duration;
import java.util.List;

/**
 * One hop of an integration path.
 *
 * @param name unique within the path, e.g. {@code fulfilment-service}
 * @param kind free text for people: http, producer, topic, consumer, soap, batch ...
 * @param service the service name used in metrics ({@code $service}); defaults to {@code name}
 * @param sources where its events are (at least one)
 * @param sla longest allowed time from the message's first event here to its first event at the
 *     next hop; null for the last hop
 * @param panels PromQL panels
 */
public record Hop(
    String name,
    String kind,
    String service,
    List<EventSourceDef> sources,
    Duration sla,
    List<PanelDef> panels) {

  public Hop {
    sources = List.copyOf(sources);
    panels = List.copyOf(panels);
  }
}
