package org.hopscope.config;

/**
 * One thing wrong in a configuration file, with where it is.
 *
 * @param file the file as the caller named it, e.g. {@code queries/orders.yaml}
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole file
 * @param message what was wrong and what was expected
 */
public record Problem(String file, int line, int column, String message) {

  /** Renders as {@code file:line:column: message} (or {@code file: message} for whole files). */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }
}
