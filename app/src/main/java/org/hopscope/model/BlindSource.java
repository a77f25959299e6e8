package org.hopscope.model;

/**
 * An index pattern Hopscope cannot read for this user, and why: its events are unknown, never "no
 * evidence".
 *
 * @param pattern the index pattern as the path definition names it
 * @param reason why it cannot be read
 * @param detail the backend's words, for people
 */
public record BlindSource(String pattern, Reason reason, String detail) {

  /** Why a pattern cannot be read. */
  public enum Reason {
    /** The pattern matches no index (misspelt, deleted, rolled over under another name). */
    NO_INDEX,
    /** The user has no read privilege on the indices. */
    NO_PRIVILEGE,
    /** Any other failure (closed index, red shards, an error answer). */
    UNAVAILABLE
  }
}
