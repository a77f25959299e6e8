package org.hopscope.oncall;

import java.util.List;
import org.hopscope.model.Flow;

/**
 * A flow read back from its saved JSON (FLOW_JSON evidence, a bundle), to be shown by the same
 * views as a live one.
 *
 * @param flow the flow as it was saved
 * @param version the flow JSON contract's version it was written in (1 when it names none)
 * @param missing what the snapshot did not keep, in words for the user (e.g. "raw document not kept
 *     in this snapshot"); empty when it kept everything the views show
 */
public record FlowSnapshot(Flow flow, int version, List<String> missing) {

  /** What an event of a snapshot without documents says instead of its document. */
  public static final String NO_DOCUMENT = "raw document not kept in this snapshot";

  public FlowSnapshot {
    missing = List.copyOf(missing);
  }
}
