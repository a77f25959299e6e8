package org.hopscope.sandbox.seed;

import java.util.ArrayList;
import java.util.List;
import org.hopscope.sandbox.seed.Payment.ApiRequest;
import org.hopscope.sandbox.seed.Payment.Part;

/**
 * The documented payments rules (docs/sandbox-manifest.md), re-derived in the tests independently
 * of {@link PaymentRules}, on observed times.
 */
final class PaymentsTruth {

  static final PaymentsHop[] HOPS = PaymentsHop.values();

  private final PaymentsSkews skews;
  private final long now;

  PaymentsTruth(PaymentsSkews skews, long now) {
    this.skews = skews;
    this.now = now;
  }

  /** Per part, the observed first time at each hop, or null where the part has no evidence. */
  List<Long[]> evidence(Payment p) {
    List<Long[]> out = new ArrayList<>();
    Long api = skews.observed(PaymentsHop.PAYMENTS_API, p.api().get(0).start());
    Long service =
        p.received() < 0 ? null : skews.observed(PaymentsHop.PAYMENT_SERVICE, p.received());
    if (p.parts().isEmpty()) {
      out.add(new Long[] {api, service, null, null, null});
    }
    for (Part part : p.parts()) {
      Long[] e = {api, service, null, null, null};
      if (part.ledgerReceived() >= 0) {
        e[2] = skews.observed(PaymentsHop.LEDGER, part.ledgerReceived());
      }
      if (part.added() >= 0) {
        e[3] = skews.observed(PaymentsHop.SETTLEMENT_BATCHER, part.added());
      }
      if (part.batch() != null && part.batch().answered() >= 0) {
        e[4] = skews.observed(PaymentsHop.CLEARING, part.batch().answered());
      }
      out.add(e);
    }
    return out;
  }

  /** "CLASS@hop-name" (hop "-" for HEALTHY) by the documented rules. */
  String expectedClass(Payment p) {
    boolean serviceReached = p.received() >= 0;
    List<ApiRequest> api = p.api();
    boolean apiError = false;
    boolean recovered = false;
    for (int i = 0; i < api.size(); i++) {
      ApiRequest r = api.get(i);
      if (r.status() == Payment.UNPROCESSABLE) {
        apiError = true;
      } else if (r.status() == Payment.BAD_GATEWAY) {
        boolean laterCreated = false;
        for (ApiRequest later : api.subList(i + 1, api.size())) {
          laterCreated |= later.status() == Payment.CREATED;
        }
        if (laterCreated || serviceReached) {
          recovered = true;
        } else {
          apiError = true;
        }
      }
    }
    boolean rejected =
        p.parts().stream()
            .anyMatch(
                part ->
                    part.batch() != null
                        && part.batch().answered() >= 0
                        && part.batch().rejected());
    if (rejected) {
      return "FAILED@clearing";
    }
    if (apiError) {
      return "FAILED@payments-api";
    }
    List<Long[]> evidence = evidence(p);
    int stuck = HOPS.length;
    int inFlight = HOPS.length;
    for (Long[] e : evidence) {
      int last = furthest(e);
      if (last < HOPS.length - 1) {
        if (now - e[last] > HOPS[last].sla().toMillis()) {
          stuck = Math.min(stuck, last);
        } else {
          inFlight = Math.min(inFlight, last);
        }
      }
    }
    if (stuck < HOPS.length) {
      return "STUCK@" + HOPS[stuck].hopName();
    }
    if (inFlight < HOPS.length) {
      return "IN_FLIGHT@" + HOPS[inFlight].hopName();
    }
    for (int k = 0; k + 1 < HOPS.length; k++) {
      for (Long[] e : evidence) {
        if (e[k + 1] - e[k] > HOPS[k].sla().toMillis()) {
          return "SLOW@" + HOPS[k].hopName();
        }
      }
    }
    return recovered ? "RECOVERED@payments-api" : "HEALTHY@-";
  }

  static int furthest(Long[] e) {
    int last = 0;
    for (int k = 0; k < e.length; k++) {
      if (e[k] != null) {
        last = k;
      }
    }
    return last;
  }

  /** The payment's first observed time at hop {@code k}, null if it never got there. */
  Long first(Payment p, int k) {
    Long first = null;
    for (Long[] e : evidence(p)) {
      if (e[k] != null && (first == null || e[k] < first)) {
        first = e[k];
      }
    }
    return first;
  }

  /** Whether every part that entered hop {@code k} reached {@code k + 1} (last hop: entered). */
  boolean left(Payment p, int k) {
    boolean entered = false;
    for (Long[] e : evidence(p)) {
      if (e[k] != null) {
        entered = true;
        if (k + 1 < HOPS.length && e[k + 1] == null) {
          return false;
        }
      }
    }
    return entered;
  }
}
