package org.hopscope.sandbox.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PaymentsRecorderTest {

  private static final SeedOptions OPTIONS =
      new SeedOptions(
          1_000, 5, Duration.ofHours(3), true, Instant.parse("2026-11-26T12:00:00Z"), 8_000);

  /** Generates and records {@code OPTIONS}; fills {@code payments} and {@code batches}. */
  private static PaymentsManifest record(
      Map<String, Payment> payments, List<PaymentBatches.Finished> batches) {
    PaymentsGenerator g = new PaymentsGenerator(OPTIONS);
    PaymentsRecorder recorder = new PaymentsRecorder(OPTIONS, g.timeline(), g.skews());
    while (g.hasNext()) {
      Payment p = g.next();
      payments.put(p.id(), p);
      recorder.accept(p);
      for (PaymentBatches.Finished f : g.finishedBatches()) {
        batches.add(f);
        recorder.accept(f);
      }
    }
    return recorder.manifest(f -> f.ordinal() + 1);
  }

  @Test
  void listsTheClassesAndDetailsEveryListedPaymentAsTheRulesSay() {
    Map<String, Payment> payments = new LinkedHashMap<>();
    PaymentsManifest m = record(payments, new ArrayList<>());
    PaymentsGenerator g = new PaymentsGenerator(OPTIONS);
    PaymentsTruth truth = new PaymentsTruth(g.skews(), OPTIONS.now().toEpochMilli());
    long total = 0;
    for (PaymentClass c : PaymentClass.values()) {
      Manifest.ClassMessages listed = m.classes().get(c.name());
      long actual = payments.values().stream().filter(p -> p.paymentClass() == c).count();
      assertThat(listed.count()).as(c.name()).isEqualTo(actual).isPositive();
      assertThat(listed.messages())
          .hasSize((int) (PaymentsRecorder.complete(c) ? actual : Math.min(actual, 1_000)));
      for (Manifest.ClassMessage cm : listed.messages()) {
        assertThat(c.name() + "@" + (cm.hop() == null ? "-" : cm.hop()))
            .isEqualTo(truth.expectedClass(payments.get(cm.id())));
      }
      long detailed =
          m.journeys().payments().stream().filter(t -> t.paymentClass().equals(c.name())).count();
      assertThat(detailed).isEqualTo(Math.min(actual, PaymentsRecorder.PER_CLASS));
      total += listed.count();
    }
    assertThat(total).isEqualTo(8_000).isEqualTo(m.journeys().count());
    assertThat(m.classes().get("HEALTHY").complete()).isFalse();
    assertThat(m.classes().get("STUCK").complete()).isTrue();

    for (PaymentsManifest.PaymentTruth t : m.journeys().payments()) {
      Payment p = payments.get(t.id());
      assertThat(t.paymentClass() + "@" + (t.hop() == null ? "-" : t.hop()))
          .isEqualTo(truth.expectedClass(p));
      assertThat(t.attempts().get("payments-api")).isEqualTo(p.api().size());
      assertThat(t.attempts().get("payment-service")).isEqualTo(p.received() < 0 ? null : 1);
      long failed = p.api().stream().filter(Payment.ApiRequest::failed).count();
      assertThat(t.failures().getOrDefault("payments-api", 0)).isEqualTo((int) failed);
      assertThat(t.recovered().getOrDefault("payments-api", 0))
          .isEqualTo(p.received() >= 0 ? (int) failed : 0);
      List<Long[]> evidence = truth.evidence(p);
      assertThat(t.parts()).hasSize(p.parts().size());
      for (int i = 0; i < t.parts().size(); i++) {
        PaymentsManifest.PartTruth part = t.parts().get(i);
        Payment.Part generated = p.parts().get(i);
        assertThat(part.id()).isEqualTo(generated.postingId());
        assertThat(part.reached())
            .isEqualTo(PaymentsTruth.HOPS[PaymentsTruth.furthest(evidence.get(i))].hopName());
        assertThat(part.batch())
            .isEqualTo(generated.batch() == null ? null : generated.batch().id());
        boolean answered = generated.batch() != null && generated.batch().answered() >= 0;
        assertThat(part.confirmed()).isEqualTo(answered && !generated.batch().rejected());
        if (part.verdict().equals("OK")) {
          assertThat(part.reached()).isEqualTo("clearing");
          assertThat(part.hop()).isNull();
        } else if (!part.verdict().equals("SLOW") && !part.verdict().equals("ERROR")) {
          assertThat(part.hop()).isEqualTo(part.reached());
        }
      }
    }
    assertThat(m.journeys().payments())
        .anySatisfy(
            t ->
                assertThat(t.parts())
                    .extracting(PaymentsManifest.PartTruth::verdict)
                    .contains("OK", "STUCK"));
    assertThat(record(new HashMap<>(), new ArrayList<>()))
        .as("deterministic, samples included")
        .isEqualTo(m);
  }

  @Test
  void incidentWindowCountsPaymentsAtEachHopAsDocumented() {
    Map<String, Payment> payments = new LinkedHashMap<>();
    PaymentsManifest m = record(payments, new ArrayList<>());
    PaymentsGenerator g = new PaymentsGenerator(OPTIONS);
    long from = g.timeline().incidentStartMillis();
    long now = OPTIONS.now().toEpochMilli();
    PaymentsTruth truth = new PaymentsTruth(g.skews(), now);
    Map<String, Manifest.HopWindow> expected = new LinkedHashMap<>();
    Set<String> stuck = new TreeSet<>();
    Set<String> failed = new TreeSet<>();
    for (int k = 0; k < PaymentsTruth.HOPS.length; k++) {
      String hop = PaymentsTruth.HOPS[k].hopName();
      long[] w = new long[5];
      for (Payment p : payments.values()) {
        Long first = truth.first(p, k);
        if (first == null || first < from || first >= now) {
          continue;
        }
        w[0]++;
        w[1] += truth.left(p, k) ? 1 : 0;
        String c = truth.expectedClass(p);
        if (c.equals("STUCK@" + hop)) {
          w[2]++;
          stuck.add(p.id() + "@" + hop);
        } else if (c.equals("FAILED@" + hop)) {
          w[3]++;
          failed.add(p.id() + "@" + hop);
        } else if (c.equals("SLOW@" + hop)) {
          w[4]++;
        }
      }
      expected.put(hop, new Manifest.HopWindow(w[0], w[1], w[2], w[3], 0, w[4]));
    }
    assertThat(m.incidentWindow().hops()).isEqualTo(expected);
    assertThat(m.incidentWindow().from()).isEqualTo("2026-11-26T11:15:00Z");
    assertThat(expected.get("ledger").stuck()).isPositive();
    assertThat(expected.get("settlement-batcher").stuck()).isPositive();
    assertThat(expected.get("clearing").failed()).isPositive();
    assertThat(expected.get("settlement-batcher").slow()).isPositive();
    assertThat(ids(m.incidentMessages().stuck())).isEqualTo(stuck);
    assertThat(ids(m.incidentMessages().failed())).isEqualTo(failed);
  }

  @Test
  void batchesListTheRejectedTheUnansweredAndSampledMembers() {
    Map<String, Payment> payments = new LinkedHashMap<>();
    List<PaymentBatches.Finished> batches = new ArrayList<>();
    PaymentsManifest m = record(payments, batches);
    assertThat(m.batches().count()).isEqualTo(batches.size());
    Map<String, List<PaymentsManifest.Member>> members = new HashMap<>();
    for (Payment p : payments.values()) {
      for (Payment.Part part : p.parts()) {
        if (part.batch() != null) {
          members
              .computeIfAbsent(part.batch().id(), k -> new ArrayList<>())
              .add(new PaymentsManifest.Member(part.postingId(), p.id()));
        }
      }
    }
    assertThat(m.batches().rejected())
        .containsExactlyElementsOf(
            batches.stream().filter(f -> f.batch().rejected()).map(f -> f.batch().id()).toList())
        .hasSize(1);
    assertThat(m.batches().unanswered())
        .containsExactlyElementsOf(
            batches.stream()
                .filter(f -> f.batch().closed() >= 0 && f.batch().answered() < 0)
                .map(f -> f.batch().id())
                .toList())
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(m.batches().sample())
        .extracting(PaymentsManifest.BatchTruth::outcome)
        .contains("ACKNOWLEDGED", "REJECTED", "UNANSWERED", "OPEN");
    for (PaymentsManifest.BatchTruth b : m.batches().sample()) {
      assertThat(b.members()).isEqualTo(members.get(b.id())).hasSize(b.postings());
    }
    PaymentsManifest.BatchTruth rejected =
        m.batches().sample().stream()
            .filter(b -> b.outcome().equals("REJECTED"))
            .findFirst()
            .orElseThrow();
    assertThat(rejected.id()).isEqualTo(m.batches().rejected().get(0));
    assertThat(m.hops().get("ledger").indices())
        .extracting(Manifest.IndexDocuments::pattern)
        .containsExactly("ledger-postings-*", "ledger-audit-*");
    assertThat(m.blindSources())
        .containsExactly(new PaymentsManifest.BlindSource("ledger", "ledger-audit-*", "NO_INDEX"));
  }

  @Test
  void theOrdersManifestDoesNotDependOnThePayments() {
    SeedOptions without = new SeedOptions(2_000, 9, Duration.ofHours(3), true, OPTIONS.now(), 0);
    SeedOptions with = new SeedOptions(2_000, 9, Duration.ofHours(3), true, OPTIONS.now(), 7_000);
    assertThat(orders(with)).isEqualTo(orders(without));
  }

  private static Manifest orders(SeedOptions options) {
    JourneyGenerator generator = new JourneyGenerator(options);
    ManifestRecorder recorder =
        new ManifestRecorder(options, generator.timeline(), generator.skews());
    generator.forEachRemaining(recorder::accept);
    return recorder.manifest(f -> f.ordinal() + 1, generator.chattyId(), generator.hostileIds());
  }

  private static Set<String> ids(List<Manifest.ClassMessage> messages) {
    Set<String> out = new TreeSet<>();
    messages.forEach(m -> out.add(m.id() + "@" + m.hop()));
    return out;
  }
}
