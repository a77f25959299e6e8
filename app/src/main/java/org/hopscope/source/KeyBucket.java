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
 */
public record KeyBucket(
    String key, Instant first, Instant last, long documents, long failures, long deadLetters) {}
