package org.hopscope.correlate;

import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FlowEvent;

/**
 * A read event and the hop source it came from (attempt counting is per source).
 *
 * @param attemptStart whether the source's {@code attemptStart} conditions hold for it (false
 *     without conditions)
 */
record FoundEvent(FlowEvent event, EventSourceDef source, boolean attemptStart) {}
