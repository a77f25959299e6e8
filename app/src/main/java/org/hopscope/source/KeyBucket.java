package org.hopscope.source;

import java.time.Instant;

/**
 * One distinct key of a {@link KeyScan}.
 *
 * @param key the value
 * @param first earliest timestamp
 * @param last latest timestamp
 * @param documents how many documents
 * @param failures how many meet the failure conditions
 * @param deadLetters how many meet the dead-letter conditions
 * @param lastFailure latest timestamp among the failures, or null without failures
 * @param terminalFailures how many meet a terminal failure condition
 * @param marked how many meet the scan's {@link KeyScan#mark()} conditions (0 without any)
 */
public record KeyBucket(
    String key,
    Instant first,
    Instant last,
    long documents,
    long failures,
    long deadLetters,
    Instant lastFailure,
    long terminalFailures,
    long marked) {

  /** A bucket of a scan without marks. */
  public KeyBucket(
      String key,
      Instant first,
      Instant last,
      long documents,
      long failures,
      long deadLetters,
      Instant lastFailure,
      long terminalFailures) {
    this(key, first, last, documents, failures, deadLetters, lastFailure, terminalFailures, 0);
  }

  /** A bucket without failure times or terminal failures (tests, fixtures). */
  public KeyBucket(
      String key, Instant first, Instant last, long documents, long failures, long deadLetters) {
    this(key, first, last, documents, failures, deadLetters, failures > 0 ? last : null, 0);
  }
}
