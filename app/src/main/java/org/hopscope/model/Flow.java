package org.hopscope.model;

import java.util.List;

/**
 * One message's end-to-end flow across a path.
 *
 * @param path path name
 * @param query what the user searched for (a message ID, ERP number or trace ID)
 * @param ids every ID the message was found under (the query, linked IDs), in discovery order
 * @param verdict overall verdict: the verdict of the hop where the message stopped or failed, OK
 *     when every hop is OK, NO_EVIDENCE when nothing was found
 * @param stuckAt hop where the message is stuck, or null
 * @param hops one entry per hop of the path, in path order
 * @param metrics each hop's panels over the flow's time span (empty when not fetched)
 * @param notices what the user must know: limits hit, clock skew clamped, a source that failed
 */
public record Flow(
    String path,
    String query,
    List<String> ids,
    HopVerdict verdict,
    String stuckAt,
    List<HopFlow> hops,
    List<HopMetrics> metrics,
    List<Notice> notices) {

  public Flow {
    ids = List.copyOf(ids);
    hops = List.copyOf(hops);
    metrics = List.copyOf(metrics);
    notices = List.copyOf(notices);
  }
}
