package org.hopscope.sandbox.seed;

import java.util.ArrayList;
import java.util.List;
import org.hopscope.sandbox.seed.Payment.ApiRequest;
import org.hopscope.sandbox.seed.Payment.Part;

/**
 * Derives a payment's ground truth from its evidence, never assigned by hand: each part's verdict
 * and progress, the payment's class (its worst part's), attempts, failures and what they recovered,
 * and per hop whether the payment entered and left it. The rules are documented in {@code
 * docs/sandbox-manifest.md}; times are the observed ones (true time plus host skew).
 */
final class PaymentRules {

  static final PaymentsHop[] HOPS = PaymentsHop.values();
  static final int API = PaymentsHop.PAYMENTS_API.ordinal();
  static final int CLEARING = PaymentsHop.CLEARING.ordinal();
  private static final long NONE = Long.MIN_VALUE;

  /** A part's (or a partless payment's) verdict. */
  enum Verdict {
    OK,
    SLOW,
    IN_FLIGHT,
    STUCK,
    ERROR
  }

  /**
   * One part's outcome.
   *
   * @param postingId the posting, null for a payment that never reached payment-service
   * @param reached the furthest hop with evidence of the part
   * @param verdict the part's verdict
   * @param hop the hop the verdict refers to (null for OK)
   * @param batch the part's batch ID, or null
   * @param confirmed whether its batch was acknowledged by clearing
   */
  record PartOutcome(
      String postingId,
      PaymentsHop reached,
      Verdict verdict,
      PaymentsHop hop,
      String batch,
      boolean confirmed) {}

  /**
   * Everything derived for one payment.
   *
   * @param paymentClass the class
   * @param hop the class hop (null for HEALTHY)
   * @param parts per part its outcome (one entry without posting when there are no parts)
   * @param first per hop the payment's first observed time there, {@link Long#MIN_VALUE} if none
   * @param left per hop whether every part that entered it reached the next (last hop: entered)
   * @param attempts requests at payments-api, 1 at payment-service when reached
   * @param failures per hop failure events (502/422 requests, the rejected batches' answers)
   * @param recovered per hop failure events that were recovered
   */
  record Outcome(
      PaymentClass paymentClass,
      PaymentsHop hop,
      List<PartOutcome> parts,
      long[] first,
      boolean[] left,
      int[] attempts,
      int[] failures,
      int[] recovered) {

    boolean entered(PaymentsHop h) {
      return first[h.ordinal()] != NONE;
    }
  }

  private PaymentRules() {}

  static Outcome classify(
      List<ApiRequest> api, long received, List<Part> parts, PaymentsSkews skews, long now) {
    int n = HOPS.length;
    int[] attempts = new int[n];
    int[] failures = new int[n];
    int[] recovered = new int[n];
    attempts[API] = api.size();
    boolean serviceReached = received >= 0;
    if (serviceReached) {
      attempts[PaymentsHop.PAYMENT_SERVICE.ordinal()] = 1;
    }
    // payments-api: a 422 is terminal; a 502 is recovered by a later 201 or by payment-service
    boolean apiFailed = false;
    for (int i = 0; i < api.size(); i++) {
      ApiRequest r = api.get(i);
      if (!r.failed()) {
        continue;
      }
      failures[API]++;
      boolean laterOk = api.subList(i + 1, api.size()).stream().anyMatch(a -> !a.failed());
      if (r.status() != Payment.UNPROCESSABLE && (laterOk || serviceReached)) {
        recovered[API]++;
      } else {
        apiFailed = true;
      }
    }
    List<long[]> evidence = new ArrayList<>();
    List<PartOutcome> outcomes = new ArrayList<>();
    List<String> rejectedBatches = new ArrayList<>();
    long apiFirst = skews.observed(PaymentsHop.PAYMENTS_API, api.get(0).start());
    long serviceFirst =
        serviceReached ? skews.observed(PaymentsHop.PAYMENT_SERVICE, received) : NONE;
    if (parts.isEmpty()) {
      long[] first = partless(apiFirst, serviceFirst);
      evidence.add(first);
      outcomes.add(part(null, first, apiFailed ? API : -1, null, false, now));
    }
    for (Part p : parts) {
      long[] first = partless(apiFirst, serviceFirst);
      first[PaymentsHop.LEDGER.ordinal()] = observed(skews, PaymentsHop.LEDGER, p.ledgerReceived());
      first[PaymentsHop.SETTLEMENT_BATCHER.ordinal()] =
          observed(skews, PaymentsHop.SETTLEMENT_BATCHER, p.added());
      boolean rejected = false;
      boolean confirmed = false;
      if (p.batch() != null && p.batch().answered() >= 0) {
        first[CLEARING] = observed(skews, PaymentsHop.CLEARING, p.batch().answered());
        rejected = p.batch().rejected();
        confirmed = !rejected;
        if (rejected && !rejectedBatches.contains(p.batch().id())) {
          rejectedBatches.add(p.batch().id());
        }
      }
      int failedAt = rejected ? CLEARING : apiFailed ? API : -1;
      evidence.add(first);
      outcomes.add(
          part(
              p.postingId(),
              first,
              failedAt,
              p.batch() == null ? null : p.batch().id(),
              confirmed,
              now));
    }
    failures[CLEARING] = rejectedBatches.size();
    long[] first = new long[n];
    boolean[] left = new boolean[n];
    for (int k = 0; k < n; k++) {
      first[k] = NONE;
      left[k] = true;
      for (long[] e : evidence) {
        if (e[k] == NONE) {
          continue;
        }
        first[k] = first[k] == NONE ? e[k] : Math.min(first[k], e[k]);
        if (k + 1 < n && e[k + 1] == NONE) {
          left[k] = false;
        }
      }
      left[k] &= first[k] != NONE;
    }
    PaymentClass c;
    PaymentsHop hop;
    if (any(outcomes, Verdict.ERROR)) {
      c = PaymentClass.FAILED;
      hop = worst(outcomes, Verdict.ERROR, true);
    } else if (any(outcomes, Verdict.STUCK)) {
      c = PaymentClass.STUCK;
      hop = worst(outcomes, Verdict.STUCK, false);
    } else if (any(outcomes, Verdict.IN_FLIGHT)) {
      c = PaymentClass.IN_FLIGHT;
      hop = worst(outcomes, Verdict.IN_FLIGHT, false);
    } else if (any(outcomes, Verdict.SLOW)) {
      c = PaymentClass.SLOW;
      hop = worst(outcomes, Verdict.SLOW, false);
    } else if (recovered[API] > 0) {
      c = PaymentClass.RECOVERED;
      hop = PaymentsHop.PAYMENTS_API;
    } else {
      c = PaymentClass.HEALTHY;
      hop = null;
    }
    return new Outcome(c, hop, List.copyOf(outcomes), first, left, attempts, failures, recovered);
  }

  /** A part's evidence array with only the payment-level hops filled in. */
  private static long[] partless(long apiFirst, long serviceFirst) {
    long[] first = new long[HOPS.length];
    java.util.Arrays.fill(first, NONE);
    first[API] = apiFirst;
    first[PaymentsHop.PAYMENT_SERVICE.ordinal()] = serviceFirst;
    return first;
  }

  private static long observed(PaymentsSkews skews, PaymentsHop hop, long trueMillis) {
    return trueMillis < 0 ? NONE : skews.observed(hop, trueMillis);
  }

  /** One part's verdict: failed, else stopped (stuck / in flight), else slow, else OK. */
  private static PartOutcome part(
      String postingId, long[] first, int failedAt, String batch, boolean confirmed, long now) {
    int reached = 0;
    for (int k = 0; k < first.length; k++) {
      if (first[k] != NONE) {
        reached = k;
      }
    }
    PaymentsHop furthest = HOPS[reached];
    if (failedAt >= 0) {
      return new PartOutcome(postingId, furthest, Verdict.ERROR, HOPS[failedAt], batch, confirmed);
    }
    if (!furthest.last()) {
      boolean stuck = now - first[reached] > furthest.sla().toMillis();
      return new PartOutcome(
          postingId,
          furthest,
          stuck ? Verdict.STUCK : Verdict.IN_FLIGHT,
          furthest,
          batch,
          confirmed);
    }
    for (int k = 0; k + 1 < first.length; k++) {
      if (first[k + 1] - first[k] > HOPS[k].sla().toMillis()) {
        return new PartOutcome(postingId, furthest, Verdict.SLOW, HOPS[k], batch, confirmed);
      }
    }
    return new PartOutcome(postingId, furthest, Verdict.OK, null, batch, confirmed);
  }

  private static boolean any(List<PartOutcome> parts, Verdict v) {
    return parts.stream().anyMatch(p -> p.verdict() == v);
  }

  /** The hop of verdict {@code v} over the parts: the last one in path order, or the first. */
  private static PaymentsHop worst(List<PartOutcome> parts, Verdict v, boolean last) {
    PaymentsHop out = null;
    for (PartOutcome p : parts) {
      if (p.verdict() == v
          && (out == null || (last ? p.hop().compareTo(out) > 0 : p.hop().compareTo(out) < 0))) {
        out = p.hop();
      }
    }
    return out;
  }
}
