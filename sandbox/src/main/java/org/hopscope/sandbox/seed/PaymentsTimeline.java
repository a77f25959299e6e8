package org.hopscope.sandbox.seed;

import java.time.Duration;

/**
 * The recorded window of the {@code payments} path and the turning points of its story, in epoch
 * milliseconds. Like {@link IncidentTimeline}, every instant depends only on the distance to {@code
 * now}, so the same seed gives the same relative story whatever {@code now} is.
 *
 * @param fromMillis start of the recording ({@code now - window})
 * @param nowMillis end of the recording
 * @param incidentStartMillis start of the incident window the manifest counts ({@code now - 45
 *     min})
 * @param rejectedBatchMillis the clearing house rejects the batch whose cell holds this instant
 *     ({@code now - 42 min}, at least {@code from})
 * @param ledgerLockMillis from when a share of postings is never booked ({@code now - 40 min})
 * @param outageFromMillis batches closed from here on are never answered ({@code now - 32 min})
 * @param outageToMillis ... up to here; later ones wait for the backlog ({@code now - 26 min})
 * @param backlogMillis when the clearing house answers the waiting batches ({@code now - 8 min})
 */
public record PaymentsTimeline(
    long fromMillis,
    long nowMillis,
    long incidentStartMillis,
    long rejectedBatchMillis,
    long ledgerLockMillis,
    long outageFromMillis,
    long outageToMillis,
    long backlogMillis) {

  static final Duration INCIDENT_AGE = Duration.ofMinutes(45);
  static final Duration REJECTED_BATCH_AGE = Duration.ofMinutes(42);
  static final Duration LEDGER_LOCK_AGE = Duration.ofMinutes(40);
  static final Duration OUTAGE_FROM_AGE = Duration.ofMinutes(32);
  static final Duration OUTAGE_TO_AGE = Duration.ofMinutes(26);
  static final Duration BACKLOG_AGE = Duration.ofMinutes(8);

  /** Length of one settlement batch cell: a batch closes at the end of its cell. */
  static final long BATCH_MILLIS = 180_000;

  /** The timeline of a recording ending at {@code options.now()}. */
  public static PaymentsTimeline of(SeedOptions options) {
    long now = options.now().toEpochMilli();
    long from = now - options.window().toMillis();
    return new PaymentsTimeline(
        from,
        now,
        now - INCIDENT_AGE.toMillis(),
        Math.max(from, now - REJECTED_BATCH_AGE.toMillis()),
        now - LEDGER_LOCK_AGE.toMillis(),
        now - OUTAGE_FROM_AGE.toMillis(),
        now - OUTAGE_TO_AGE.toMillis(),
        now - BACKLOG_AGE.toMillis());
  }

  /** The batch cell of a posting added at {@code trueMillis} (cells count from {@code from}). */
  long cell(long trueMillis) {
    return Math.floorDiv(trueMillis - fromMillis, BATCH_MILLIS);
  }

  /** When cell {@code cell} ends: its batches close then. */
  long cellEnd(long cell) {
    return fromMillis + (cell + 1) * BATCH_MILLIS;
  }
}
