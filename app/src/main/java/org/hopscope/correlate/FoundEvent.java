package org.hopscope.correlate;

import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FlowEvent;

/** A read event and the hop source it came from (attempt counting is per source). */
record FoundEvent(FlowEvent event, EventSourceDef source) {

  String key() {
    return event.index() + "\u0000" + event.docId();
  }
}
