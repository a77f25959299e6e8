package org.hopscope.config;

/**
 * One thing wrong in a configuration file, with where it is.
 *
 * @param file the file as the caller named it, e.g. {@code queries/orders.yaml}
 * @param line 1-based line, or 0 when the problem concerns the whole file
 * @param column 1-based column, or 0 when the problem concerns the whole file
 * @param message what was wrong and what was expected; at most {@link #MAX_MESSAGE} characters (a
 *     safety net: values are quoted as {@link Snippet}s)
 */
public record Problem(String file, int line, int column, String message) {

  /** The longest message kept whole; longer ones keep their start and their end (what to do). */
  static final int MAX_MESSAGE = 1_000;

  public Problem {
    if (message.length() > MAX_MESSAGE) {
      message =
          message.substring(0, 600)
              + " […"
              + FileLimits.number(message.length() - 900)
              + " characters left out…] "
              + message.substring(message.length() - 300);
    }
  }

  /** Renders as {@code file:line:column: message} (or {@code file: message} for whole files). */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
  }
}
