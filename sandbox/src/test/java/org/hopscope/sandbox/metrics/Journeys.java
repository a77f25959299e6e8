package org.hopscope.sandbox.metrics;

import java.util.List;
import org.hopscope.sandbox.seed.Journey;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.Journey.Visit;
import org.hopscope.sandbox.seed.MessageClass;
import org.hopscope.sandbox.seed.OrdersHop;

/** Hand-built journeys for the metrics tests. */
final class Journeys {

  private Journeys() {}

  static Journey journey(int partition, Visit... visits) {
    return new Journey(
        "msg", MessageClass.HEALTHY, null, "front", "back", partition, 0, null, List.of(visits));
  }

  static Visit visit(OrdersHop hop, Attempt... attempts) {
    return new Visit(hop, List.of(attempts));
  }

  static Attempt attempt(long start, long durationMillis, Outcome outcome) {
    return new Attempt(start, durationMillis, outcome, "");
  }

  static Attempt attempt(long start, long durationMillis, Outcome outcome, String detail) {
    return new Attempt(start, durationMillis, outcome, detail);
  }
}
