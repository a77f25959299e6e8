package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hopscope.sandbox.seed.Payment.ApiRequest;
import org.hopscope.sandbox.seed.Payment.Part;
import org.junit.jupiter.api.Test;

class PaymentsGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

  static SeedOptions options(long payments, long seed, Instant now) {
    return new SeedOptions(1_000, seed, Duration.ofHours(3), true, now, payments);
  }

  /** Every payment of a generator, with the batches handed out after each. */
  record Run(List<Payment> payments, List<PaymentBatches.Finished> batches, int maxOpen) {}

  static Run run(PaymentsGenerator g) {
    List<Payment> payments = new ArrayList<>();
    List<PaymentBatches.Finished> batches = new ArrayList<>();
    int maxOpen = 0;
    while (g.hasNext()) {
      payments.add(g.next());
      batches.addAll(g.finishedBatches());
      maxOpen = Math.max(maxOpen, g.openBatches());
    }
    return new Run(payments, batches, maxOpen);
  }

  @Test
  void sameSeedGivesSamePaymentsBatchesAndRelativeTimes() {
    long shift = 86_400_000L + 17_000;
    Run a = run(new PaymentsGenerator(options(3_000, 42, NOW)));
    PaymentsGenerator later = new PaymentsGenerator(options(3_000, 42, NOW.plusMillis(shift)));
    Run b = run(later);
    assertThat(b.payments()).hasSize(3_000);
    assertThat(b.payments()).isEqualTo(a.payments().stream().map(p -> shifted(p, shift)).toList());
    assertThat(b.batches())
        .isEqualTo(
            a.batches().stream()
                .map(
                    f ->
                        new PaymentBatches.Finished(
                            shifted(f.batch(), shift), f.postings(), f.lane(), f.members()))
                .toList());
    assertThat(later.skews()).isEqualTo(new PaymentsGenerator(options(3_000, 42, NOW)).skews());
    Set<String> other = new HashSet<>();
    run(new PaymentsGenerator(options(500, 43, NOW))).payments().forEach(p -> other.add(p.id()));
    assertThat(a.payments()).extracting(Payment::id).doesNotContainAnyElementsOf(other);
  }

  @Test
  void tenThousandPaymentsHaveEveryShapeOfTheStory() {
    PaymentsGenerator g = new PaymentsGenerator(options(10_000, 1, NOW));
    Run r = run(g);
    Map<String, Integer> byClassHop = new TreeMap<>();
    Map<Integer, Integer> partCounts = new TreeMap<>();
    int mixed = 0;
    int retriedTwice = 0;
    Map<String, String> classOf = new HashMap<>();
    for (Payment p : r.payments()) {
      String c = p.paymentClass() + "@" + (p.classHop() == null ? "-" : p.classHop().hopName());
      byClassHop.merge(c, 1, Integer::sum);
      classOf.put(p.id(), c);
      partCounts.merge(p.parts().size(), 1, Integer::sum);
      assertThat(p.id()).matches("pay:m00[0-4][0-9]/[0-9a-f]{16}");
      p.parts().forEach(part -> assertThat(part.postingId()).startsWith("pst:").contains("/"));
      if (p.api().size() == 3 && !p.api().get(2).failed()) {
        retriedTwice++;
      }
      long reachedClearing =
          p.parts().stream()
              .filter(part -> part.batch() != null && part.batch().answered() >= 0)
              .count();
      if (reachedClearing > 0 && reachedClearing < p.parts().size()) {
        mixed++;
      }
    }
    assertThat(byClassHop)
        .containsOnlyKeys(
            "HEALTHY@-",
            "RECOVERED@payments-api",
            "FAILED@payments-api",
            "FAILED@clearing",
            "STUCK@ledger",
            "STUCK@settlement-batcher",
            "IN_FLIGHT@ledger",
            "IN_FLIGHT@settlement-batcher",
            "SLOW@settlement-batcher");
    assertThat(byClassHop.get("HEALTHY@-")).isBetween(8_200, 9_000);
    assertThat(byClassHop.get("RECOVERED@payments-api")).isBetween(350, 600);
    assertThat(byClassHop.get("FAILED@payments-api")).isBetween(40, 90);
    assertThat(byClassHop.get("FAILED@clearing")).isBetween(8, 40);
    assertThat(byClassHop.get("STUCK@ledger")).isBetween(120, 300);
    assertThat(byClassHop.get("STUCK@settlement-batcher")).isBetween(200, 450);
    assertThat(byClassHop.get("SLOW@settlement-batcher")).isBetween(100, 400);
    assertThat(partCounts).containsOnlyKeys(0, 1, 2, 3);
    assertThat(partCounts.get(2) + partCounts.get(3)).isBetween(4_000, 5_000);
    assertThat(mixed).as("payments with parts that went on while another stopped").isPositive();
    assertThat(retriedTwice).isPositive();

    // the rejected batch: every member payment FAILED at clearing
    List<PaymentBatches.Finished> rejected =
        r.batches().stream().filter(f -> f.batch().rejected()).toList();
    assertThat(rejected).hasSize(1);
    assertThat(rejected.get(0).members()).hasSize(rejected.get(0).postings());
    assertThat(rejected.get(0).members())
        .allSatisfy(m -> assertThat(classOf.get(m.paymentId())).isEqualTo("FAILED@clearing"));
    // batches lost in the clearing outage: closed, never answered, members STUCK at the batcher
    List<PaymentBatches.Finished> lost =
        r.batches().stream()
            .filter(
                f ->
                    f.batch().closed() >= g.timeline().outageFromMillis()
                        && f.batch().closed() < g.timeline().outageToMillis())
            .toList();
    assertThat(lost).hasSizeGreaterThanOrEqualTo(2).allMatch(f -> f.batch().answered() < 0);
    lost.stream()
        .filter(f -> f.lane() == 0)
        .flatMap(f -> f.members().stream())
        .forEach(
            m ->
                assertThat(classOf.get(m.paymentId()))
                    .isIn("STUCK@settlement-batcher", "STUCK@ledger", "FAILED@clearing"));
    assertThat(r.batches()).extracting(f -> f.postings()).allMatch(n -> n >= 1 && n <= 60);
  }

  @Test
  void everyPaymentKeepsTheInvariantsAndItsClassFollowsTheRules() {
    PaymentsGenerator g = new PaymentsGenerator(options(20_000, 7, NOW));
    PaymentsSkews skews = g.skews();
    long now = NOW.toEpochMilli();
    PaymentsTruth truth = new PaymentsTruth(skews, now);
    assertThat(skews.of(PaymentsHop.PAYMENT_SERVICE)).isBetween(-4_500, -3_500);
    Set<String> ids = new HashSet<>();
    Map<String, Integer> postingsByBatch = new HashMap<>();
    Map<String, Payment.Batch> batchById = new HashMap<>();
    Set<PaymentClass> seen = new HashSet<>();
    while (g.hasNext()) {
      Payment p = g.next();
      assertThat(ids.add(p.id())).as("unique %s", p.id()).isTrue();
      for (ApiRequest r : p.api()) {
        assertThat(skews.observed(PaymentsHop.PAYMENTS_API, r.start() + r.durationMillis()))
            .isLessThanOrEqualTo(now);
      }
      for (int i = 0; i + 1 < p.api().size(); i++) {
        assertThat(p.api().get(i).status()).as("only a 502 is retried").isEqualTo(502);
        assertThat(p.api().get(i + 1).start() - p.api().get(i).start() - 1_000)
            .isBetween(p.api().get(i).durationMillis(), p.api().get(i).durationMillis() + 2_000);
      }
      assertThat(p.received() >= 0).isEqualTo(!p.parts().isEmpty());
      for (Part part : p.parts()) {
        assertThat(part.postingId()).startsWith("pst:" + p.id().substring(10) + "/");
        long[] times = {part.created(), part.ledgerReceived(), part.booked(), part.added()};
        for (int k = 1; k < times.length; k++) {
          assertThat(times[k] < 0 || times[k] > times[k - 1]).isTrue();
          assertThat(times[k - 1] >= 0 || times[k] < 0).as("a prefix of the hops").isTrue();
        }
        assertThat(part.added() >= 0).isEqualTo(part.batch() != null);
        if (part.lockWait() >= 0) {
          assertThat(part.booked()).isEqualTo(-1);
          assertThat(part.lockWait() - part.ledgerReceived()).isEqualTo(50_000);
        }
        if (part.batch() != null) {
          Payment.Batch b = part.batch();
          assertThat(batchById.computeIfAbsent(b.id(), k -> b)).isEqualTo(b);
          postingsByBatch.merge(b.id(), 1, Integer::sum);
          long cellEnd = g.timeline().cellEnd(g.timeline().cell(part.added()));
          assertThat(b.closed() < 0 || b.closed() > cellEnd).isTrue();
          assertThat(b.answered() < 0 || b.answered() > b.closed()).isTrue();
          assertThat(b.answered()).isLessThanOrEqualTo(now - skews.maxAhead());
        }
      }
      String expected = truth.expectedClass(p);
      assertThat(p.paymentClass() + "@" + (p.classHop() == null ? "-" : p.classHop().hopName()))
          .as("class of %s", p.id())
          .isEqualTo(expected);
      seen.add(p.paymentClass());
      for (PaymentBatches.Finished f : g.finishedBatches()) {
        assertThat(f.postings()).isEqualTo(postingsByBatch.remove(f.batch().id()));
      }
    }
    assertThat(postingsByBatch).as("every batch handed out once").isEmpty();
    assertThat(seen).containsExactlyInAnyOrder(PaymentClass.values());
  }

  @Test
  void memoryStaysBoundedByTheOpenCells() {
    long payments = 300_000;
    PaymentsGenerator g = new PaymentsGenerator(options(payments, 3, NOW));
    int lanes =
        PaymentBatches.lanes(
            payments * PaymentsGenerator.MEAN_PARTS, Duration.ofHours(3).toMillis());
    int maxOpen = 0;
    long batches = 0;
    while (g.hasNext()) {
      g.next();
      batches += g.finishedBatches().size();
      maxOpen = Math.max(maxOpen, g.openBatches());
    }
    assertThat(lanes).isGreaterThan(100);
    assertThat(batches).isGreaterThan(50L * lanes);
    // postings join a batch within seconds of their payment's arrival: at most two cells open
    assertThat(maxOpen).isLessThanOrEqualTo(2 * lanes);
  }

  private static Payment shifted(Payment p, long millis) {
    List<ApiRequest> api =
        p.api().stream()
            .map(
                r ->
                    new ApiRequest(
                        r.start() + millis, r.durationMillis(), r.status(), r.requestId()))
            .toList();
    List<Part> parts =
        p.parts().stream()
            .map(
                part ->
                    new Part(
                        part.postingId(),
                        part.account(),
                        part.amountCents(),
                        part.created() + millis,
                        plus(part.ledgerReceived(), millis),
                        plus(part.booked(), millis),
                        plus(part.lockWait(), millis),
                        plus(part.added(), millis),
                        part.batch() == null ? null : shifted(part.batch(), millis)))
            .toList();
    return new Payment(
        p.id(),
        p.paymentClass(),
        p.classHop(),
        p.amountCents(),
        api,
        plus(p.received(), millis),
        parts);
  }

  private static Payment.Batch shifted(Payment.Batch b, long millis) {
    return new Payment.Batch(
        b.id(), plus(b.closed(), millis), plus(b.answered(), millis), b.rejected());
  }

  private static long plus(long t, long millis) {
    return t < 0 ? t : t + millis;
  }
}
