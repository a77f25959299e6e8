package org.hopscope.oncall;

import java.nio.charset.StandardCharsets;

/**
 * What can be followed: an ID (message ID, ERP number, trace ID) Elasticsearch can look up as a
 * term. Checked before any query, so a blank or oversized ID is the user's input problem, not a
 * backend's answer.
 */
public final class FollowedId {

  /**
   * Elasticsearch's limit for one term: {@code keyword} values are at most 32,766 bytes (UTF-8).
   */
  public static final int MAX_BYTES = 32_766;

  private FollowedId() {}

  /**
   * What is wrong with {@code id}, to follow "the ID" or "--id" in a message; null when it can be
   * followed.
   */
  public static String problem(String id) {
    if (id == null || id.isBlank()) {
      return "is empty: give the message ID, ERP number or trace ID to follow";
    }
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      return "is "
          + bytes
          + " bytes long (UTF-8); Elasticsearch looks up at most "
          + MAX_BYTES
          + " bytes in a term: give the ID itself";
    }
    return null;
  }

  /**
   * @throws IllegalArgumentException when {@code id} cannot be followed ({@link #problem})
   */
  static void check(String id) {
    String problem = problem(id);
    if (problem != null) {
      throw new IllegalArgumentException("the ID " + problem);
    }
  }
}
