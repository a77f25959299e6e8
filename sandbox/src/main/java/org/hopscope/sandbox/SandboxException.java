package org.hopscope.sandbox;

/**
 * A sandbox failure the user can act on: the message says what went wrong, where (port, file, log)
 * and what to do. The command line prints it without a stack trace.
 */
public class SandboxException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public SandboxException(String message) {
    this(message, 1, null);
  }

  public SandboxException(String message, Throwable cause) {
    this(message, 1, cause);
  }

  public SandboxException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
