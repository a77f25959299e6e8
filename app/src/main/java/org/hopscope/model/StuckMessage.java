package org.hopscope.model;

import java.time.Instant;

/**
 * A message that a stuck analysis found in trouble.
 *
 * @param id message ID (or the hop's join key)
 * @param hop where it is stuck / failed / dead-lettered / slow
 * @param verdict {@link HopVerdict#STUCK}, {@link HopVerdict#ERROR}, {@link
 *     HopVerdict#DEAD_LETTERED} or {@link HopVerdict#SLOW}
 * @param lastSeen its latest event at that hop
 */
public record StuckMessage(String id, String hop, HopVerdict verdict, Instant lastSeen) {}
