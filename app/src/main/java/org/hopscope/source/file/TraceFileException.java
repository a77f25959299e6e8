package org.hopscope.source.file;

/**
 * A trace or log file that cannot be used at all: not JSON, of no known shape, over a limit. The
 * message starts with the location ({@code file:line} or {@code file}) and says what was expected.
 * A bad input, like a bad flag ({@link IllegalArgumentException}); a file that cannot be read from
 * disk is an {@link java.io.UncheckedIOException} instead.
 */
public class TraceFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public TraceFileException(String message) {
    super(message);
  }

  public TraceFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
