package org.hopscope.sandbox.seed;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * The recorded window and the shape of the incident within it. All instants are epoch milliseconds;
 * every curve depends only on the distance to {@code now}, so the same seed gives the same relative
 * story whatever {@code now} is.
 *
 * @param fromMillis start of the recording ({@code now - window})
 * @param nowMillis end of the recording; the incident is still going on
 * @param incidentStartMillis when ERP latency starts to climb ({@code now - 50 min})
 * @param tokenRotationMillis when the gateway's token signing key rotated ({@code now - 70 min})
 * @param poolExhaustionMillis from when the ERP adapter pool is exhausted ({@code now - 25 min})
 */
public record IncidentTimeline(
    long fromMillis,
    long nowMillis,
    long incidentStartMillis,
    long tokenRotationMillis,
    long poolExhaustionMillis) {

  static final Duration INCIDENT_AGE = Duration.ofMinutes(50);
  static final Duration TOKEN_ROTATION_AGE = Duration.ofMinutes(70);
  static final Duration UNAUTHORIZED_SPAN = Duration.ofMinutes(4);
  static final Duration POOL_EXHAUSTION_AGE = Duration.ofMinutes(25);

  /** The ERP call timeout of the fulfilment service. */
  static final long ERP_TIMEOUT_MILLIS = 10_000;

  private static final long LAG_AT_NOW_MILLIS = 120_000;
  private static final double ERP_MEDIAN_START_MILLIS = 200;
  private static final double ERP_MEDIAN_GROWTH = 95;
  private static final long CONFIRMATION_BATCH_MILLIS = 120_000;

  /** The timeline of a recording ending at {@code options.now()}. */
  public static IncidentTimeline of(SeedOptions options) {
    long now = options.now().toEpochMilli();
    return new IncidentTimeline(
        now - options.window().toMillis(),
        now,
        now - INCIDENT_AGE.toMillis(),
        now - TOKEN_ROTATION_AGE.toMillis(),
        now - POOL_EXHAUSTION_AGE.toMillis());
  }

  /** 0 before the incident, rising linearly to 1 at {@code now}. */
  double ramp(long atMillis) {
    if (atMillis <= incidentStartMillis) {
      return 0;
    }
    return Math.min(
        1.0, (atMillis - incidentStartMillis) / (double) (nowMillis - incidentStartMillis));
  }

  /** Time a message published at {@code publishMillis} waits on the topic: ms, then ~2 min. */
  long consumerLag(long publishMillis, SplittableRandom random) {
    double r = ramp(publishMillis);
    long base = 3 + random.nextInt(38);
    return base
        + (long) (LAG_AT_NOW_MILLIS * Math.pow(r, 1.5) * (0.85 + 0.2 * random.nextDouble()));
  }

  /**
   * How long the ERP would take to answer a call started at {@code callMillis} (may exceed the
   * timeout): log-normal around ~200 ms, its median climbing past the 10 s timeout by {@code now}.
   */
  double erpLatency(long callMillis, SplittableRandom random) {
    double r = ramp(callMillis);
    double median = ERP_MEDIAN_START_MILLIS * Math.pow(ERP_MEDIAN_GROWTH, r);
    double sigma = 0.25 + 0.6 * r;
    return Math.max(20, median * Math.exp(sigma * random.nextGaussian()));
  }

  /** Healthy ERP answer time, whatever the incident does (for the forced-healthy messages). */
  static double healthyErpLatency(SplittableRandom random) {
    return 120 + random.nextInt(160);
  }

  /** Time from an ERP posting until the document can be confirmed; delayed during the incident. */
  long confirmationDelay(long postedMillis, SplittableRandom random, boolean healthy) {
    double r = healthy ? 0 : ramp(postedMillis);
    if (random.nextDouble() < 0.12 * r) {
      return 8 * 60_000 + random.nextInt(8 * 60_000);
    }
    return 5_000 + random.nextInt(55_000);
  }

  /** The start of the first confirmation batch at or after {@code readyMillis}. */
  long confirmationBatch(long readyMillis) {
    long sinceFrom = Math.max(0, readyMillis - fromMillis);
    long batches = (sinceFrom + CONFIRMATION_BATCH_MILLIS - 1) / CONFIRMATION_BATCH_MILLIS;
    return fromMillis + batches * CONFIRMATION_BATCH_MILLIS;
  }

  /** Whether a gateway request at {@code atMillis} falls into the few minutes after rotation. */
  boolean inUnauthorizedSpan(long atMillis) {
    return atMillis >= tokenRotationMillis
        && atMillis < tokenRotationMillis + UNAUTHORIZED_SPAN.toMillis();
  }
}
