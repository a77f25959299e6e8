package org.hopscope.sandbox.seed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.hopscope.sandbox.seed.Journey.Attempt;
import org.hopscope.sandbox.seed.Journey.Outcome;
import org.hopscope.sandbox.seed.Journey.Visit;
import org.hopscope.sandbox.seed.SpecialMessages.Part;

/**
 * Generates the recorded incident one message at a time, in gateway arrival order, so that any
 * number of messages fits in bounded memory. Deterministic for a seed: every ID, decision and
 * relative time comes from one {@link SplittableRandom}.
 */
public final class JourneyGenerator implements Iterator<Journey> {

  static final int MAX_ATTEMPTS = 4;
  static final long[] BACKOFF_MILLIS = {2_000, 4_000, 8_000};
  static final int PARTITIONS = 6;
  private static final double POOL_EXHAUSTED_SHARE = 0.14;
  private static final double BUSINESS_FAULT_SHARE = 0.003;
  private static final double DUPLICATE_SHARE = 0.005;
  private static final long CHATTY_PROCESSING_MILLIS = 40_000;
  private static final String[] BUSINESS_FAULTS = {
    "material 4711 blocked for sales organisation 1000",
    "customer 100234 has a delivery block",
    "credit limit exceeded for customer 100871"
  };

  private final SeedOptions options;
  private final IncidentTimeline timeline;
  private final SplittableRandom random;
  private final HostSkews skews;
  private final long cutoff;
  private final double spacing;
  private final SpecialMessages specials;
  private final long[] nextOffset = new long[PARTITIONS];
  private String chattyId;
  private long nextDocumentNumber = 4_500_012_345L;
  private int index;

  /** A generator for {@code options}; {@code options.messages()} must fit in an int. */
  public JourneyGenerator(SeedOptions options) {
    this.options = options;
    this.timeline = IncidentTimeline.of(options);
    this.random = new SplittableRandom(options.seed());
    this.skews = HostSkews.draw(random);
    // no document may carry an observed time after now, whatever its host's skew
    this.cutoff = timeline.nowMillis() - skews.maxAhead();
    // the last second stays empty so every gateway request has completed by now
    this.spacing =
        (timeline.nowMillis() - 1_000 - timeline.fromMillis()) / (double) options.messages();
    for (int p = 0; p < PARTITIONS; p++) {
      nextOffset[p] = 1_000_000L + random.nextInt(500_000);
    }
    this.specials = new SpecialMessages(options, timeline, spacing, random);
  }

  public IncidentTimeline timeline() {
    return timeline;
  }

  public HostSkews skews() {
    return skews;
  }

  /** The message IDs with quotes, backslashes, wildcards, spaces and unicode (all healthy). */
  public List<String> hostileIds() {
    return specials.hostileIds();
  }

  /** The ID of the chatty message, or null when chatty is off or it is not generated yet. */
  public String chattyId() {
    return chattyId;
  }

  @Override
  public boolean hasNext() {
    return index < options.messages();
  }

  @Override
  public Journey next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Part special = specials.partOf(index);
    long arrival = timeline.fromMillis() + (long) ((index + random.nextDouble()) * spacing);
    String id =
        special == Part.HOSTILE ? specials.hostileId(index) : "ord-" + hex(random.nextLong());
    index++;
    if (special == Part.CHATTY) {
      chattyId = id;
    }
    return new Flight(id, arrival, special).fly();
  }

  /** One message's way along the path; fields are filled in path order. */
  private final class Flight {
    private final String id;
    private final long arrival;
    private final Part special;
    private final boolean forcedHealthy;
    private final List<Visit> visits = new ArrayList<>(6);
    private final List<Attempt> topic = new ArrayList<>(2);
    private final List<Attempt> fulfilment = new ArrayList<>(4);
    private final List<Attempt> erp = new ArrayList<>(4);
    private String documentNumber;

    Flight(String id, long arrival, Part special) {
      this.id = id;
      this.arrival = arrival;
      this.special = special;
      this.forcedHealthy = special == Part.HOSTILE || special == Part.CHATTY;
    }

    Journey fly() {
      String front = hex(random.nextLong()) + hex(random.nextLong());
      String back = hex(random.nextLong()) + hex(random.nextLong());
      int partition = random.nextInt(PARTITIONS);
      long offset = nextOffset[partition]++;
      int serviceMillis = 8 + random.nextInt(33);
      int forwardMillis = 1 + random.nextInt(3);
      int gatewayMillis = forwardMillis + serviceMillis + 2 + random.nextInt(5);
      if (special == Part.UNAUTHORIZED) {
        add(
            OrdersHop.API_GATEWAY,
            List.of(
                new Attempt(
                    arrival, 2 + random.nextInt(4), Outcome.FAILURE, AttemptDetail.UNAUTHORIZED)));
        return journey(front, back, partition, offset);
      }
      add(OrdersHop.API_GATEWAY, List.of(new Attempt(arrival, gatewayMillis, Outcome.SUCCESS, "")));
      long serviceStart = arrival + forwardMillis;
      add(
          OrdersHop.ORDER_SERVICE,
          List.of(new Attempt(serviceStart, serviceMillis, Outcome.SUCCESS, "")));
      int sendMillis = 2 + random.nextInt(5);
      long publish = serviceStart + serviceMillis - sendMillis - 1;
      long consume = publish + timeline.consumerLag(publish, random);
      if (consume > cutoff) {
        topic.add(new Attempt(publish, -1, Outcome.PENDING, ""));
      } else {
        topic.add(new Attempt(publish, consume - publish, Outcome.SUCCESS, ""));
        process(consume);
      }
      add(OrdersHop.ORDERS_TOPIC, topic);
      add(OrdersHop.FULFILMENT, fulfilment);
      add(OrdersHop.ERP_ADAPTER, erp);
      if (documentNumber != null) {
        confirm();
      }
      return journey(front, back, partition, offset);
    }

    /** The fulfilment consumer's attempts from the first delivery on, and their ERP calls. */
    private void process(long consume) {
      if (!forcedHealthy
          && consume >= timeline.poolExhaustionMillis()
          && random.nextDouble() < POOL_EXHAUSTED_SHARE) {
        attempt(
            fulfilment,
            consume,
            5 + random.nextInt(26),
            Outcome.RETRYABLE_FAILURE,
            AttemptDetail.POOL_EXHAUSTED);
        return;
      }
      String fault =
          !forcedHealthy && random.nextDouble() < BUSINESS_FAULT_SHARE
              ? AttemptDetail.BUSINESS_FAULT_PREFIX
                  + BUSINESS_FAULTS[random.nextInt(BUSINESS_FAULTS.length)]
              : null;
      long start = consume;
      for (int n = 1; start <= cutoff; n++) {
        long callStart =
            start + 2 + random.nextInt(7) + (special == Part.CHATTY ? CHATTY_PROCESSING_MILLIS : 0);
        double latency =
            forcedHealthy
                ? IncidentTimeline.healthyErpLatency(random)
                : timeline.erpLatency(callStart, random);
        boolean timeout = latency >= IncidentTimeline.ERP_TIMEOUT_MILLIS;
        long callMillis =
            timeout ? IncidentTimeline.ERP_TIMEOUT_MILLIS + random.nextInt(5) : (long) latency;
        Outcome callOutcome =
            timeout ? Outcome.RETRYABLE_FAILURE : fault != null ? Outcome.FAILURE : Outcome.SUCCESS;
        String callDetail = timeout ? AttemptDetail.ERP_TIMEOUT : fault != null ? fault : "";
        long end = callStart + callMillis + 1 + random.nextInt(4);
        if (callStart + callMillis <= cutoff) {
          // the adapter's span is written when the call returns
          erp.add(new Attempt(callStart, callMillis, callOutcome, callDetail));
          if (callOutcome == Outcome.SUCCESS) {
            documentNumber = Long.toString(nextDocumentNumber++);
          }
        }
        Outcome outcome =
            timeout
                ? (n == MAX_ATTEMPTS ? Outcome.DEAD_LETTERED : Outcome.RETRYABLE_FAILURE)
                : callOutcome;
        String detail =
            timeout
                ? (n == MAX_ATTEMPTS ? AttemptDetail.DEAD_LETTER : AttemptDetail.ERP_TIMEOUT)
                : callDetail;
        if (!attempt(fulfilment, start, end - start, outcome, detail)
            || outcome != Outcome.RETRYABLE_FAILURE) {
          break;
        }
        start = end + BACKOFF_MILLIS[n - 1];
      }
      Attempt last = fulfilment.get(fulfilment.size() - 1);
      if (last.outcome() == Outcome.SUCCESS
          && !forcedHealthy
          && random.nextDouble() < DUPLICATE_SHARE) {
        long redelivery = Math.max(consume + 30_000 + random.nextInt(90_000), last.end() + 500);
        if (redelivery <= cutoff) {
          long publish = topic.get(0).start();
          topic.add(
              new Attempt(
                  publish,
                  redelivery - publish,
                  Outcome.SUCCESS,
                  AttemptDetail.DUPLICATE_DELIVERY));
          attempt(
              fulfilment,
              redelivery,
              2 + random.nextInt(4),
              Outcome.SUCCESS,
              AttemptDetail.DUPLICATE_DELIVERY);
        }
      }
    }

    /** Adds the attempt, as PENDING if it had not ended by the cutoff; false if pending. */
    private boolean attempt(
        List<Attempt> to, long start, long millis, Outcome outcome, String detail) {
      if (start + millis > cutoff) {
        to.add(new Attempt(start, -1, Outcome.PENDING, ""));
        return false;
      }
      to.add(new Attempt(start, millis, outcome, detail));
      return true;
    }

    private void confirm() {
      Attempt posted = erp.get(erp.size() - 1);
      long ready = posted.end() + timeline.confirmationDelay(posted.end(), random, forcedHealthy);
      long logged = timeline.confirmationBatch(ready) + 5 + random.nextInt(1_500);
      if (logged <= cutoff) {
        add(OrdersHop.ERP_CONFIRMATION, List.of(new Attempt(logged, 1, Outcome.SUCCESS, "")));
      }
    }

    private void add(OrdersHop hop, List<Attempt> attempts) {
      if (!attempts.isEmpty()) {
        visits.add(new Visit(hop, List.copyOf(attempts)));
      }
    }

    private Journey journey(String front, String back, int partition, long offset) {
      List<Visit> path = List.copyOf(visits);
      JourneyRules.Verdict verdict =
          JourneyRules.classify(path, skews, timeline.nowMillis(), special == Part.CHATTY);
      return new Journey(
          id,
          verdict.messageClass(),
          verdict.hop(),
          front,
          back,
          partition,
          offset,
          documentNumber,
          path);
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** 16 lowercase hex digits of {@code value}. */
  static String hex(long value) {
    char[] out = new char[16];
    for (int i = 15; i >= 0; i--) {
      out[i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
    return new String(out);
  }
}
