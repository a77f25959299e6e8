package org.hopscope.sandbox.seed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.hopscope.sandbox.seed.Payment.ApiRequest;
import org.hopscope.sandbox.seed.Payment.Part;

/**
 * Generates the recorded {@code payments} story one payment at a time, in arrival order, in bounded
 * memory (only the open settlement batches are kept). Deterministic for a seed: everything comes
 * from one {@link SplittableRandom} of its own, so the orders seed is unchanged by it.
 */
public final class PaymentsGenerator implements Iterator<Payment> {

  /** Mixed into the seed so the payments stream is independent of the orders one. */
  static final long SALT = 0x9A7_3E47_5L;

  static final double BAD_GATEWAY_SHARE = 0.05;
  static final double BAD_GATEWAY_AGAIN_SHARE = 0.15;
  static final int MAX_REQUESTS = 3;
  static final double UNPROCESSABLE_SHARE = 0.005;
  static final double LOCKED_SHARE = 0.06;

  /** A locked posting's lock-wait warning comes this long after the ledger received it. */
  static final long LOCK_WARNING_MILLIS = 50_000;

  /** No first 502 this close to the end: its retry would fall after {@code now}. */
  static final long QUIET_END_MILLIS = 15_000;

  static final double MEAN_PARTS = 0.55 * 1 + 0.30 * 2 + 0.15 * 3;
  static final String[] ACCOUNTS = {
    "SETTLE-EUR-01", "SETTLE-EUR-02", "SETTLE-EUR-03", "SETTLE-SEPA-01", "SETTLE-CARD-01"
  };

  private final long payments;
  private final PaymentsTimeline timeline;
  private final SplittableRandom random;
  private final PaymentsSkews skews;
  private final long cutoff;
  private final double spacing;
  private final PaymentBatches batches;
  private List<PaymentBatches.Finished> finished = List.of();
  private int index;

  /** A generator of {@code options.payments()} payments over {@code options.window()}. */
  public PaymentsGenerator(SeedOptions options) {
    this.payments = options.payments();
    this.timeline = PaymentsTimeline.of(options);
    this.random = new SplittableRandom(options.seed() ^ SALT);
    this.skews = PaymentsSkews.draw(random);
    this.cutoff = timeline.nowMillis() - skews.maxAhead();
    this.spacing =
        (timeline.nowMillis() - 1_000 - timeline.fromMillis()) / (double) Math.max(1, payments);
    this.batches =
        new PaymentBatches(
            timeline,
            cutoff,
            PaymentBatches.lanes(
                payments * MEAN_PARTS, timeline.nowMillis() - timeline.fromMillis()),
            random);
  }

  public PaymentsTimeline timeline() {
    return timeline;
  }

  public PaymentsSkews skews() {
    return skews;
  }

  /** Settlement batches kept in memory right now (bounded by the open cells). */
  int openBatches() {
    return batches.openCount();
  }

  @Override
  public boolean hasNext() {
    return index < payments;
  }

  @Override
  public Payment next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    long arrival = timeline.fromMillis() + (long) ((index + random.nextDouble()) * spacing);
    index++;
    finished = batches.finishedBy(arrival);
    String hex = JourneyGenerator.hex(random.nextLong());
    int merchant = 1 + random.nextInt(40);
    String id = "pay:m" + (merchant < 10 ? "000" : "00") + merchant + "/" + hex;
    long amount = 500 + random.nextInt(200_000);
    List<ApiRequest> api = requests(arrival);
    ApiRequest last = api.get(api.size() - 1);
    long received = -1;
    List<Part> parts = List.of();
    if (!last.failed()) {
      received = last.start() + 2 + random.nextInt(5);
      int count = partCount();
      if (created(received, count) <= cutoff) {
        parts = parts(id, hex, amount, received, count);
      } else {
        received = -1;
      }
    }
    if (!hasNext()) {
      finished = new ArrayList<>(finished);
      finished.addAll(batches.finishAll());
    }
    PaymentRules.Outcome outcome =
        PaymentRules.classify(api, received, parts, skews, timeline.nowMillis());
    return new Payment(id, outcome.paymentClass(), outcome.hop(), amount, api, received, parts);
  }

  /**
   * The batches that take no more postings, handed out after each {@link #next()} (after the last
   * payment: every batch left).
   */
  List<PaymentBatches.Finished> finishedBatches() {
    return finished;
  }

  /** The client's requests: ~5% first get a 502 and retry after 1-3 s (at most 3 requests). */
  private List<ApiRequest> requests(long arrival) {
    List<ApiRequest> out = new ArrayList<>(1);
    long start = arrival;
    boolean flaky = arrival < cutoff - QUIET_END_MILLIS && random.nextDouble() < BAD_GATEWAY_SHARE;
    for (int n = 1; n <= MAX_REQUESTS; n++) {
      String requestId = "req-" + JourneyGenerator.hex(random.nextLong());
      if (flaky) {
        long millis = 30 + random.nextInt(171);
        out.add(new ApiRequest(start, millis, Payment.BAD_GATEWAY, requestId));
        start += millis + 1_000 + random.nextInt(2_001);
        flaky = random.nextDouble() < BAD_GATEWAY_AGAIN_SHARE;
        continue;
      }
      boolean rejected = random.nextDouble() < UNPROCESSABLE_SHARE;
      out.add(
          rejected
              ? new ApiRequest(start, 5 + random.nextInt(16), Payment.UNPROCESSABLE, requestId)
              : new ApiRequest(start, 15 + random.nextInt(66), Payment.CREATED, requestId));
      break;
    }
    return out;
  }

  private int partCount() {
    double r = random.nextDouble();
    return r < 0.55 ? 1 : r < 0.85 ? 2 : 3;
  }

  /** When payment-service logs "posting n created" for a payment received at {@code received}. */
  static long created(long received, int n) {
    return received + 1 + 2L * n;
  }

  private List<Part> parts(String id, String hex, long amount, long received, int count) {
    List<Part> out = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      String postingId = "pst:" + hex + "/" + n;
      String account = ACCOUNTS[random.nextInt(ACCOUNTS.length)];
      long share = amount / count + (n == 1 ? amount % count : 0);
      long created = created(received, n);
      long ledger = created + 100 + random.nextInt(1_401);
      if (ledger > cutoff) {
        out.add(new Part(postingId, account, share, created, -1, -1, -1, -1, null));
        continue;
      }
      if (ledger >= timeline.ledgerLockMillis() && random.nextDouble() < LOCKED_SHARE) {
        long warned = ledger + LOCK_WARNING_MILLIS;
        long lockWait = warned > cutoff ? -1 : warned;
        out.add(new Part(postingId, account, share, created, ledger, -1, lockWait, -1, null));
        continue;
      }
      long booked = ledger + 50 + random.nextInt(751);
      if (booked > cutoff) {
        out.add(new Part(postingId, account, share, created, ledger, -1, -1, -1, null));
        continue;
      }
      long added = booked + 200 + random.nextInt(2_801);
      if (added > cutoff) {
        out.add(new Part(postingId, account, share, created, ledger, booked, -1, -1, null));
        continue;
      }
      Payment.Batch batch = batches.join(added, postingId, id);
      out.add(new Part(postingId, account, share, created, ledger, booked, -1, added, batch));
    }
    return List.copyOf(out);
  }
}
