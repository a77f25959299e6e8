package org.hopscope.store;

/**
 * The incident store could not do what was asked: the database file cannot be opened, is from a
 * newer Hopscope, or a read or write failed. The message says what, which file, and what to do; the
 * CLI and UI show it as it is.
 */
public class StoreException extends RuntimeException {

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
