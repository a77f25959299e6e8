package org.hopscope.model;

/**
 * An event source's index pattern that cannot be read for this user, and why: its events are
 * unknown, not absent. A search over it would answer "nothing found" however the message fared.
 *
 * @param pattern the index pattern as the path definition spells it, e.g. {@code logs-fulfilment-*}
 * @param reason why it cannot be read
 * @param detail what the backend said (e.g. {@code index_not_found_exception: no such index
 *     [logs-fulfilmnet-*]}), for the user
 */
public record BlindSource(String pattern, Reason reason, String detail) {

  /** Why a pattern cannot be read. */
  public enum Reason {
    /**
     * No index, alias or data stream that this user may read matches the pattern: it is misspelt,
     * the indices were deleted or renamed (rollover), or - for a wildcard pattern - they exist but
     * the user may read none of them (Elasticsearch does not tell these apart).
     */
    NO_INDEX,
    /** The backend refused the user (HTTP 403): no read privilege on a named index or alias. */
    NO_PRIVILEGE,
    /** The indices exist but could not be searched (closed, shards unavailable, an error). */
    UNAVAILABLE
  }
}
