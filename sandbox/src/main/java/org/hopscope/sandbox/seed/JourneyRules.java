package org.hopscope.sandbox.seed;

import java.util.List;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.Journey.Visit;

/**
 * Derives a message's ground-truth class from what happened to it (never assigned by hand). The
 * rules are documented in {@code docs/sandbox-manifest.md}; times are the observed ones (true time
 * plus the hop's host skew), as a correlation engine sees them in the documents.
 */
final class JourneyRules {

  /** A derived class and the hop it refers to (null for HEALTHY). */
  record Verdict(MessageClass messageClass, OrdersHop hop) {}

  private JourneyRules() {}

  /**
   * Applies the rules in order: failed, dead-lettered, stuck/in-flight, slow, retried, healthy
   * (chatty when {@code chatty} and otherwise healthy).
   */
  static Verdict classify(List<Visit> visits, HostSkews skews, long nowMillis, boolean chatty) {
    OrdersHop failedAt = null;
    for (Visit visit : visits) {
      if (has(visit, Outcome.FAILURE)) {
        failedAt = visit.hop();
      }
    }
    if (failedAt != null) {
      return new Verdict(MessageClass.FAILED, failedAt);
    }
    for (Visit visit : visits) {
      if (has(visit, Outcome.DEAD_LETTERED)) {
        return new Verdict(MessageClass.DEAD_LETTERED, visit.hop());
      }
    }
    Visit last = visits.get(visits.size() - 1);
    if (!last.hop().terminal()) {
      long age = nowMillis - firstObserved(last, skews);
      MessageClass c =
          age > last.hop().sla().toMillis() ? MessageClass.STUCK : MessageClass.IN_FLIGHT;
      return new Verdict(c, last.hop());
    }
    for (int k = 0; k + 1 < visits.size(); k++) {
      Visit here = visits.get(k);
      long handover = firstObserved(visits.get(k + 1), skews) - firstObserved(here, skews);
      if (handover > here.hop().sla().toMillis()) {
        return new Verdict(MessageClass.SLOW, here.hop());
      }
    }
    for (Visit visit : visits) {
      if (visit.attempts().size() > 1) {
        return new Verdict(MessageClass.RETRIED, visit.hop());
      }
    }
    return chatty
        ? new Verdict(MessageClass.CHATTY, OrdersHop.FULFILMENT)
        : new Verdict(MessageClass.HEALTHY, null);
  }

  /** The observed epoch millis of the message's first event at the visited hop. */
  static long firstObserved(Visit visit, HostSkews skews) {
    return skews.observed(visit.hop(), visit.firstStart());
  }

  private static boolean has(Visit visit, Outcome outcome) {
    for (Attempt a : visit.attempts()) {
      if (a.outcome() == outcome) {
        return true;
      }
    }
    return false;
  }
}
