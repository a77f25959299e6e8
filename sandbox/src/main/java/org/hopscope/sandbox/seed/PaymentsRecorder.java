package org.hopscope.sandbox.seed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;

/**
 * Collects the payments ground truth while payments and finished batches stream by, in memory
 * bounded by the non-healthy payments: full ID lists for STUCK, FAILED and SLOW, 1,000-ID samples
 * for the others, up to {@link #PER_CLASS} detailed payments per class, batch samples, counters for
 * the incident window.
 */
final class PaymentsRecorder {

  /** Detailed payments listed per class. */
  static final int PER_CLASS = 100;

  /** Sampled batches per outcome (the rejected ones are all listed). */
  static final int BATCHES_PER_OUTCOME = 10;

  /** The ledger's second source: its pattern matches no index, ever. */
  static final String BLIND_PATTERN = "ledger-audit-*";

  private static final PaymentsHop[] HOPS = PaymentsHop.values();

  private final SeedOptions options;
  private final PaymentsTimeline timeline;
  private final PaymentsSkews skews;
  private final SplittableRandom sampling;
  private final Map<PaymentClass, Long> counts = new EnumMap<>(PaymentClass.class);
  private final Map<PaymentClass, List<Manifest.ClassMessage>> ids =
      new EnumMap<>(PaymentClass.class);
  private final Map<PaymentClass, List<Indexed>> detailed = new EnumMap<>(PaymentClass.class);
  private final Map<String, List<PaymentsManifest.BatchTruth>> batchSample = new LinkedHashMap<>();
  private final Map<String, Long> laneZero = new LinkedHashMap<>();
  private final List<String> rejected = new ArrayList<>();
  private final List<String> unanswered = new ArrayList<>();
  private final long[][] window = new long[HOPS.length][5];
  private final List<Manifest.ClassMessage> windowStuck = new ArrayList<>();
  private final List<Manifest.ClassMessage> windowFailed = new ArrayList<>();
  private long payments;
  private long batches;

  /** A detailed payment and its arrival index (the listing is in arrival order). */
  private record Indexed(long index, PaymentsManifest.PaymentTruth truth) {}

  PaymentsRecorder(SeedOptions options, PaymentsTimeline timeline, PaymentsSkews skews) {
    this.options = options;
    this.timeline = timeline;
    this.skews = skews;
    this.sampling = new SplittableRandom(options.seed() ^ 0x5A3B_1E5L);
    for (PaymentClass c : PaymentClass.values()) {
      counts.put(c, 0L);
      ids.put(c, new ArrayList<>());
      detailed.put(c, new ArrayList<>());
    }
    for (String outcome : List.of("ACKNOWLEDGED", "REJECTED", "UNANSWERED", "OPEN")) {
      batchSample.put(outcome, new ArrayList<>());
      laneZero.put(outcome, 0L);
    }
  }

  /** Whether the class lists every ID (else a sample of at most 1,000). */
  static boolean complete(PaymentClass c) {
    return c == PaymentClass.STUCK || c == PaymentClass.FAILED || c == PaymentClass.SLOW;
  }

  void accept(Payment p) {
    PaymentRules.Outcome o =
        PaymentRules.classify(p.api(), p.received(), p.parts(), skews, timeline.nowMillis());
    PaymentClass c = o.paymentClass();
    long n = counts.merge(c, 1L, Long::sum);
    Manifest.ClassMessage m = new Manifest.ClassMessage(p.id(), name(o.hop()));
    if (complete(c)) {
      ids.get(c).add(m);
    } else {
      sample(ids.get(c), m, n, ManifestRecorder.SAMPLE);
    }
    int slot = slot(detailed.get(c).size(), n, PER_CLASS);
    if (slot >= 0) {
      put(detailed.get(c), slot, new Indexed(payments, truth(p, o)));
    }
    payments++;
    for (int k = 0; k < HOPS.length; k++) {
      long first = o.first()[k];
      if (!o.entered(HOPS[k])
          || first < timeline.incidentStartMillis()
          || first >= timeline.nowMillis()) {
        continue;
      }
      long[] w = window[k];
      w[0]++;
      if (o.left()[k]) {
        w[1]++;
      }
      if (o.hop() == HOPS[k]) {
        switch (c) {
          case STUCK -> {
            w[2]++;
            windowStuck.add(m);
          }
          case FAILED -> {
            w[3]++;
            windowFailed.add(m);
          }
          case SLOW -> w[4]++;
          default -> {}
        }
      }
    }
  }

  private static String name(PaymentsHop hop) {
    return hop == null ? null : hop.hopName();
  }

  private PaymentsManifest.PaymentTruth truth(Payment p, PaymentRules.Outcome o) {
    Map<String, Integer> attempts = new LinkedHashMap<>();
    Map<String, Integer> failures = new LinkedHashMap<>();
    Map<String, Integer> recovered = new LinkedHashMap<>();
    for (PaymentsHop h : HOPS) {
      int k = h.ordinal();
      if (o.attempts()[k] > 0) {
        attempts.put(h.hopName(), o.attempts()[k]);
      }
      if (o.failures()[k] > 0) {
        failures.put(h.hopName(), o.failures()[k]);
      }
      if (o.recovered()[k] > 0) {
        recovered.put(h.hopName(), o.recovered()[k]);
      }
    }
    List<PaymentsManifest.PartTruth> parts = new ArrayList<>();
    for (PaymentRules.PartOutcome part : o.parts()) {
      if (part.postingId() != null) {
        parts.add(
            new PaymentsManifest.PartTruth(
                part.postingId(),
                part.reached().hopName(),
                part.verdict().name(),
                name(part.hop()),
                part.batch(),
                part.confirmed()));
      }
    }
    return new PaymentsManifest.PaymentTruth(
        p.id(),
        o.paymentClass().name(),
        name(o.hop()),
        attempts,
        failures,
        recovered,
        List.copyOf(parts));
  }

  /** Records a batch that takes no more postings. */
  void accept(PaymentBatches.Finished f) {
    Payment.Batch b = f.batch();
    batches++;
    String outcome =
        b.closed() < 0
            ? "OPEN"
            : b.answered() < 0 ? "UNANSWERED" : b.rejected() ? "REJECTED" : "ACKNOWLEDGED";
    if (b.rejected()) {
      rejected.add(b.id());
    }
    if (outcome.equals("UNANSWERED")) {
      unanswered.add(b.id());
    }
    if (f.lane() != 0) {
      return; // only lane-0 batches have their members at hand
    }
    long n = laneZero.merge(outcome, 1L, Long::sum);
    List<PaymentsManifest.Member> members = new ArrayList<>();
    for (PaymentBatches.Member m : f.members()) {
      members.add(new PaymentsManifest.Member(m.postingId(), m.paymentId()));
    }
    PaymentsManifest.BatchTruth truth =
        new PaymentsManifest.BatchTruth(
            b.id(),
            outcome,
            f.postings(),
            b.closed() < 0 ? null : iso(b.closed()),
            b.answered() < 0 ? null : iso(b.answered()),
            List.copyOf(members));
    List<PaymentsManifest.BatchTruth> sample = batchSample.get(outcome);
    if (b.rejected()) {
      sample.add(truth);
    } else {
      sample(sample, truth, n, BATCHES_PER_OUTCOME);
    }
  }

  private <T> void sample(List<T> reservoir, T item, long seen, int size) {
    int slot = slot(reservoir.size(), seen, size);
    if (slot >= 0) {
      put(reservoir, slot, item);
    }
  }

  /**
   * Reservoir sampling: where the {@code seen}-th item goes in a reservoir of {@code size} now
   * holding {@code held} items, or -1 when it is left out.
   */
  private int slot(int held, long seen, int size) {
    if (held < size) {
      return held;
    }
    long slot = sampling.nextLong(seen);
    return slot < size ? (int) slot : -1;
  }

  private static <T> void put(List<T> reservoir, int slot, T item) {
    if (slot == reservoir.size()) {
      reservoir.add(item);
    } else {
      reservoir.set(slot, item);
    }
  }

  /** The manifest, with the document counts the loader reports per family. */
  PaymentsManifest manifest(ToLongFunction<IndexFamily> documentCounts) {
    Map<String, Long> slas = new LinkedHashMap<>();
    Map<String, Integer> skewMillis = new LinkedHashMap<>();
    Map<String, Manifest.HopDocuments> hops = new LinkedHashMap<>();
    Map<String, Manifest.HopWindow> windows = new LinkedHashMap<>();
    long total = 0;
    for (PaymentsHop hop : HOPS) {
      if (hop.sla() != null) {
        slas.put(hop.hopName(), hop.sla().toMillis());
      }
      skewMillis.put(hop.hopName(), skews.of(hop));
      List<Manifest.IndexDocuments> indices = new ArrayList<>();
      long hopTotal = 0;
      for (IndexFamily f : IndexFamily.values()) {
        if (f.paymentsHop() == hop) {
          long n = documentCounts.applyAsLong(f);
          indices.add(new Manifest.IndexDocuments(f.pattern(), f.idField(), n));
          hopTotal += n;
        }
      }
      if (hop == PaymentsHop.LEDGER) {
        indices.add(new Manifest.IndexDocuments(BLIND_PATTERN, "posting.id", 0));
      }
      total += hopTotal;
      hops.put(hop.hopName(), new Manifest.HopDocuments(indices, hopTotal));
      long[] w = window[hop.ordinal()];
      windows.put(hop.hopName(), new Manifest.HopWindow(w[0], w[1], w[2], w[3], 0, w[4]));
    }
    Map<String, Manifest.ClassMessages> classes = new LinkedHashMap<>();
    List<Indexed> listed = new ArrayList<>();
    for (PaymentClass c : PaymentClass.values()) {
      long count = counts.get(c);
      classes.put(
          c.name(), new Manifest.ClassMessages(count, count == ids.get(c).size(), ids.get(c)));
      listed.addAll(detailed.get(c));
    }
    listed.sort(java.util.Comparator.comparingLong(Indexed::index));
    List<PaymentsManifest.BatchTruth> sampled = new ArrayList<>();
    batchSample.values().forEach(sampled::addAll);
    return new PaymentsManifest(
        1,
        "payments",
        new PaymentsManifest.Options(
            options.payments(), options.seed(), options.window().toString()),
        iso(timeline.nowMillis()),
        iso(timeline.fromMillis()),
        iso(timeline.incidentStartMillis()),
        new PaymentsManifest.Story(
            iso(timeline.rejectedBatchMillis()),
            iso(timeline.ledgerLockMillis()),
            iso(timeline.outageFromMillis()),
            iso(timeline.outageToMillis()),
            iso(timeline.backlogMillis())),
        slas,
        skewMillis,
        hops,
        List.of(new PaymentsManifest.BlindSource("ledger", BLIND_PATTERN, "NO_INDEX")),
        total,
        classes,
        new PaymentsManifest.Journeys(
            payments, PER_CLASS, listed.stream().map(Indexed::truth).toList()),
        new PaymentsManifest.Batches(
            batches, List.copyOf(rejected), List.copyOf(unanswered), List.copyOf(sampled)),
        new Manifest.IncidentWindow(
            iso(timeline.incidentStartMillis()), iso(timeline.nowMillis()), windows),
        new PaymentsManifest.IncidentMessages(List.copyOf(windowStuck), List.copyOf(windowFailed)));
  }

  private static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
