package org.hopscope.sandbox.metrics;

import static org.hopscope.sandbox.metrics.Journeys.attempt;
import static org.hopscope.sandbox.seed.Journey.Outcome.DEAD_LETTERED;
import static org.hopscope.sandbox.seed.Journey.Outcome.FAILURE;
import static org.hopscope.sandbox.seed.Journey.Outcome.PENDING;
import static org.hopscope.sandbox.seed.Journey.Outcome.RETRYABLE_FAILURE;
import static org.hopscope.sandbox.seed.Journey.Outcome.SUCCESS;

import java.util.ArrayList;
import java.util.List;
import org.hopscope.sandbox.seed.Journey;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.Journey.Visit;
import org.hopscope.sandbox.seed.MessageClass;
import org.hopscope.sandbox.seed.OrdersHop;

/**
 * 3,000 journeys over 3 hours ending at {@code now}, one every 3.6 s. Healthy before the incident;
 * in its last 50 minutes: the topic delay grows by 0.5 s per second (so lag grows and the newest
 * messages are not consumed at all), every other message has an ERP timeout and a retry, one in 50
 * is dead-lettered after three timeouts, one in 50 is parked at fulfilment, one in 97 gets a
 * gateway 401. Also answers the questions the tests ask of the story, straight from the journeys.
 */
final class SyntheticIncident {

  static final int MESSAGES = 3_000;
  static final long WINDOW_MILLIS = 3 * 3_600_000L;
  static final long INCIDENT_MILLIS = 50 * 60_000L;

  final long now;
  final long from;
  final long incidentStart;
  final List<Journey> journeys = new ArrayList<>();

  SyntheticIncident(long now) {
    this.now = now;
    this.from = now - WINDOW_MILLIS;
    this.incidentStart = now - INCIDENT_MILLIS;
    for (int i = 0; i < MESSAGES; i++) {
      journeys.add(journey(i, from + i * (WINDOW_MILLIS / MESSAGES) + 700));
    }
  }

  private Journey journey(int i, long t) {
    boolean incident = t >= incidentStart;
    List<Visit> visits = new ArrayList<>();
    if (incident && i % 97 == 0) {
      visits.add(visit(OrdersHop.API_GATEWAY, attempt(t, 8, FAILURE)));
      return journey(i, visits);
    }
    visits.add(visit(OrdersHop.API_GATEWAY, attempt(t, 15, SUCCESS)));
    visits.add(visit(OrdersHop.ORDER_SERVICE, attempt(t + 15, 30, SUCCESS)));
    long published = t + 45;
    long delay = incident ? 20 + (t - incidentStart) / 2 : 20;
    long consumed = published + delay;
    if (consumed > now) {
      visits.add(visit(OrdersHop.ORDERS_TOPIC, attempt(published, -1, PENDING)));
      return journey(i, visits);
    }
    visits.add(visit(OrdersHop.ORDERS_TOPIC, attempt(published, delay, SUCCESS)));
    List<Attempt> fulfilment = new ArrayList<>();
    List<Attempt> erp = new ArrayList<>();
    if (!incident) {
      fulfilment.add(attempt(consumed, 250, SUCCESS));
      erp.add(attempt(consumed + 10, 200, SUCCESS));
    } else if (i % 50 == 13) {
      fulfilment.add(attempt(consumed, -1, PENDING, "ERP adapter pool exhausted"));
    } else if (i % 50 == 7) {
      for (int k = 0; k < 3; k++) {
        fulfilment.add(attempt(consumed + k * 40_000, 30_100, RETRYABLE_FAILURE));
        erp.add(attempt(consumed + k * 40_000 + 10, 30_000, RETRYABLE_FAILURE, "timeout"));
      }
      fulfilment.add(attempt(consumed + 120_000, 20, DEAD_LETTERED));
    } else if (i % 2 == 0) {
      fulfilment.add(attempt(consumed, 30_100, RETRYABLE_FAILURE));
      erp.add(attempt(consumed + 10, 30_000, RETRYABLE_FAILURE, "timeout"));
      fulfilment.add(attempt(consumed + 40_000, 2_500, SUCCESS));
      erp.add(attempt(consumed + 40_010, 2_400, SUCCESS));
    } else {
      fulfilment.add(attempt(consumed, 2_000, SUCCESS));
      erp.add(attempt(consumed + 10, 1_800, SUCCESS));
    }
    visits.add(new Visit(OrdersHop.FULFILMENT, fulfilment));
    if (!erp.isEmpty()) {
      visits.add(new Visit(OrdersHop.ERP_ADAPTER, erp));
    }
    return journey(i, visits);
  }

  private static Visit visit(OrdersHop hop, Attempt attempt) {
    return new Visit(hop, List.of(attempt));
  }

  private static Journey journey(int i, List<Visit> visits) {
    return new Journey(
        "ORD-" + i, MessageClass.HEALTHY, null, "f" + i, "b" + i, i % 6, i, null, visits);
  }

  /** Attempts at {@code hop}, over all journeys. */
  List<Attempt> attempts(OrdersHop hop) {
    return journeys.stream()
        .flatMap(j -> j.visits().stream())
        .filter(v -> v.hop() == hop)
        .flatMap(v -> v.attempts().stream())
        .toList();
  }

  /** Attempts at {@code hop} with {@code outcome} that ended by {@code now}. */
  long endedBy(OrdersHop hop, Outcome outcome) {
    return attempts(hop).stream()
        .filter(a -> a.outcome() == outcome && a.durationMillis() >= 0)
        .filter(a -> a.start() + a.durationMillis() <= now)
        .count();
  }

  /** Messages published but not consumed at {@code instant} (the lag, over all partitions). */
  long lagAt(long instant) {
    return attempts(OrdersHop.ORDERS_TOPIC).stream()
        .filter(a -> a.start() <= instant)
        .filter(a -> a.durationMillis() < 0 || a.start() + a.durationMillis() > instant)
        .count();
  }

  /** Share of ERP adapter attempts started in {@code [fromMillis, toMillis]} that got a 5xx. */
  double erpErrorRatio(long fromMillis, long toMillis) {
    List<Attempt> started =
        attempts(OrdersHop.ERP_ADAPTER).stream()
            .filter(a -> a.start() >= fromMillis && a.start() <= toMillis)
            .filter(a -> a.outcome() != PENDING)
            .toList();
    long errors = started.stream().filter(a -> a.outcome() != SUCCESS).count();
    return (double) errors / started.size();
  }
}
