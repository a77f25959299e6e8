package org.hopscope.model.bundle;

/**
 * A bundle file that cannot be read or imported: not a zip, truncated, of a newer format, with an
 * entry that is unsafe, too large, damaged or malformed. The message names the file, the entry (and
 * line) where it can, and what to do; nothing was changed.
 */
public class BundleException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }

  public BundleException(String message, Throwable cause) {
    super(message, cause);
  }
}
