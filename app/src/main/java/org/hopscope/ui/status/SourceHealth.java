package org.hopscope.ui.status;

import java.util.Objects;

/**
 * One source's health as the status bar shows it.
 *
 * @param source {@code Elasticsearch} or {@code Prometheus}
 * @param level how it is, for the dot's colour
 * @param text short text next to the dot, e.g. {@code green 8.19.21}, {@code unreachable:
 *     connection refused}, {@code not configured}
 * @param detail the full story for the tooltip (URL, exact error, cluster name); never null
 */
public record SourceHealth(String source, Level level, String text, String detail) {

  public SourceHealth {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(detail, "detail");
  }

  /** How a source is doing; the status bar's stylesheet gives each its colour. */
  public enum Level {
    /** Not asked yet, or being asked. */
    UNKNOWN,
    /** Answers and is healthy (Elasticsearch green, Prometheus up). */
    HEALTHY,
    /** Answers but degraded (Elasticsearch yellow, or some facts unreadable). */
    DEGRADED,
    /** Unreachable, refusing the credentials, erroring, or Elasticsearch red. */
    DOWN,
    /** The profile does not configure it. */
    OFF;

    /** The style class of this level's dot and text, e.g. {@code health-healthy}. */
    public String styleClass() {
      return "health-" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Not asked yet. */
  static SourceHealth unknown(String source, String text) {
    return new SourceHealth(source, Level.UNKNOWN, text, source + ": " + text);
  }
}
