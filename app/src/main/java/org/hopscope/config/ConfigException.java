package org.hopscope.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A configuration file (path definition, connection profile) or setting that cannot be used; holds
 * every problem found, not just the first. The message lists them one per line.
 */
public final class ConfigException extends RuntimeException {

  private final transient List<Problem> problems;

  public ConfigException(List<Problem> problems) {
    super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem not tied to a file position (environment variable, flag). */
  public ConfigException(String where, String message) {
    this(List.of(new Problem(where, 0, 0, message)));
  }

  /** Every problem, in file order; never empty. */
  public List<Problem> problems() {
    return problems;
  }
}
