package org.hopscope.model;

import java.util.Locale;

/**
 * The words every face prints for a hop verdict: the client's badges and sentences and the CLI's
 * human output use these, so both say e.g. "FAILED" for {@link HopVerdict#ERROR}. The {@code
 * --json} contracts keep the enum names ({@code ERROR}); only human text uses these words.
 */
public final class VerdictWords {

  private VerdictWords() {}

  /** The verdict in words for sentences and filters, e.g. "Stuck", "Failed", "Dead-lettered". */
  public static String words(HopVerdict v) {
    return switch (v) {
      case OK -> "OK";
      case SLOW -> "Slow";
      case IN_FLIGHT -> "In flight";
      case ERROR -> "Failed";
      case DEAD_LETTERED -> "Dead-lettered";
      case STUCK -> "Stuck";
      case NO_EVIDENCE -> "No evidence";
      case UNKNOWN -> "Unknown";
    };
  }

  /** The verdict as a badge or a table shows it: its words in capitals, e.g. "STUCK", "FAILED". */
  public static String label(HopVerdict v) {
    return words(v).toUpperCase(Locale.ROOT);
  }

  /** The verdict inside a sentence: "OK" stays, the others in lower case ("failed", "stuck"). */
  public static String inSentence(HopVerdict v) {
    return v == HopVerdict.OK ? "OK" : words(v).toLowerCase(Locale.ROOT);
  }
}
