package org.hopscope.report;

/**
 * A masking file that cannot be used. The message names the file, the line and column where known
 * (1-based), what is wrong and what to do; the CLI prints it as is.
 */
public final class MaskingException extends RuntimeException {

  public MaskingException(String message) {
    super(message);
  }

  public MaskingException(String message, Throwable cause) {
    super(message, cause);
  }
}
