package org.hopscope.model;

import java.util.Locale;

/**
 * How an event is named where a list shows level and message: a log by its level and message, a
 * span by "SPAN" and its outcome (where a log has its level) and by its name (where a log has its
 * message). Both faces use these words.
 */
public final class EventWords {

  /** The word in front of a span's outcome. */
  public static final String SPAN = "SPAN";

  private EventWords() {}

  /**
   * A span's outcome in one word: "error" when the hop's failure conditions hold for it (whatever
   * the stored status says), "ok" for a stored success/ok, "error" for a stored error/failure, else
   * the stored value in lower case; null when neither tells (unknown, not ok).
   */
  public static String outcome(FlowEvent e) {
    if (e.failure() || e.deadLetter()) {
      return "error";
    }
    if (e.outcome() == null || e.outcome().isBlank()) {
      return null;
    }
    String o = e.outcome().strip().toLowerCase(Locale.ROOT);
    return switch (o) {
      case "ok", "success", "succeeded", "status_code_ok" -> "ok";
      case "error", "failure", "failed", "status_code_error" -> "error";
      default -> o;
    };
  }

  /**
   * The level column: a log's level as stored (null: none), a span's "SPAN ok", "SPAN error", "SPAN
   * 200" or "SPAN" alone when its outcome is unknown.
   */
  public static String level(FlowEvent e) {
    if (!e.span()) {
      return e.level();
    }
    String outcome = outcome(e);
    return outcome == null ? SPAN : SPAN + " " + outcome;
  }

  /** The message column: a span's name (its message when it has no name), a log's message. */
  public static String message(FlowEvent e) {
    return e.span() && e.name() != null ? e.name() : e.message();
  }
}
