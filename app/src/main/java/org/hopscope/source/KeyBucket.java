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
 */
public record KeyBucket(
    String key,
    Instant first,
    Instant last,
    long documents,
    long failures,
    long deadLetters,
    Instant lastFailure,
    long terminalFailures) {

  /** A bucket without failure times or terminal failures (tests, fixtures). */
  public KeyBucket(
      String key, Instant first, Instant last, long documents, long failures, long deadLetters) {
    this(key, first, last, documents, failures, deadLetters, failures > 0 ? last : null, 0);
  }
}
