package org.hopscope.source;

/**
 * A backend failed: unreachable, timed out, refused the credentials, or answered with an error. The
 * message names the source ({@code Elasticsearch}, {@code Prometheus}), the URL and what the
 * backend said (Prometheus' error JSON verbatim), and what to do.
 */
public class SourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of failure, for exit codes and UI banners. */
  public enum Kind {
    /** Connection refused, DNS, TLS handshake, timeout: the backend was not reached. */
    UNREACHABLE,
    /** 401/403. */
    AUTH,
    /** The backend answered with an error about the request (bad query, missing index...). */
    REJECTED
  }

  private final String source;
  private final Kind kind;

  public SourceException(String source, Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.source = source;
    this.kind = kind;
  }

  /** {@code Elasticsearch} or {@code Prometheus}. */
  public String source() {
    return source;
  }

  public Kind kind() {
    return kind;
  }
}
