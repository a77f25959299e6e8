package org.hopscope.source;

import java.util.List;

/**
 * A count over index patterns of which one matches no index, or holds indices the user may not
 * read: the source is blind, and its count is no number (never a 0). The message is the backend's
 * answer, naming it and its URL.
 */
public final class UnreadableIndexException extends SourceException {
  private static final long serialVersionUID = 1L;

  /** Why the patterns could not be read. */
  public enum Reason {
    /** No index matches (Elasticsearch 404 {@code index_not_found_exception}). */
    NO_INDEX,
    /** The user lacks the privilege to read them (Elasticsearch 403). */
    NO_PRIVILEGE
  }

  private final Reason reason;
  private final List<String> patterns;

  /**
   * @param patterns the index patterns of the refused request
   */
  public UnreadableIndexException(
      String source, Reason reason, List<String> patterns, String message, Throwable cause) {
    super(source, reason == Reason.NO_PRIVILEGE ? Kind.AUTH : Kind.REJECTED, message, cause);
    this.reason = reason;
    this.patterns = List.copyOf(patterns);
  }

  public Reason reason() {
    return reason;
  }

  /** The index patterns of the refused request (one of them, at least, is unreadable). */
  public List<String> patterns() {
    return patterns;
  }
}
