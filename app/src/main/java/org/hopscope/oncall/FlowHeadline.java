package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.VerdictWords;

/**
 * A flow's answer in one line, the same in both faces: the verdict, the hop that decides it, for
 * how long, the last error or warning logged there, the attempts, how the message was found and the
 * IDs it is also known by, e.g. "STUCK at fulfilment-service for 40 min - last error: ERP adapter
 * pool exhausted - also known as 4500020468". Built by {@link #of(Flow)}.
 *
 * @param verdict the flow's verdict
 * @param hop the hop that decides it, or null (OK, NO_EVIDENCE, or none could be named)
 * @param forHowLong from the last event at {@code hop} to the flow's as-of time (STUCK, IN_FLIGHT,
 *     ERROR, DEAD_LETTERED), the hand-over time (SLOW) or the journey's length (OK); null unknown
 * @param attempts the attempts at {@code hop} (0 without a hop)
 * @param problem the last error or warning logged at {@code hop}, or null
 * @param messageId the message's own ID (the first ID of its earliest evidence), or null
 * @param foundBy how the search found it when not by {@code messageId}, or null
 * @param alsoKnownAs the other IDs it is known by (re-keyed, linked), without the ones above
 * @param situation the words after the verdict, e.g. "at erp-adapter for 40 min", or empty
 * @param facts the further clauses, in order, e.g. "last error: timeout", "also known as 45..."
 */
public record FlowHeadline(
    HopVerdict verdict,
    String hop,
    Duration forHowLong,
    int attempts,
    Problem problem,
    String messageId,
    Found foundBy,
    List<String> alsoKnownAs,
    String situation,
    List<String> facts) {

  /** Separates the clauses of the line. */
  public static final String SEPARATOR = " - ";

  public FlowHeadline {
    alsoKnownAs = List.copyOf(alsoKnownAs);
    facts = List.copyOf(facts);
  }

  /** The headline of {@code flow}. */
  public static FlowHeadline of(Flow flow) {
    return FlowHeadlineBuilder.build(flow);
  }

  /** The whole line, the verdict's words first: what the CLI prints first and the client shows. */
  public String text() {
    String label = VerdictWords.label(verdict);
    if (!situation.isEmpty()) {
      return label + " " + detail();
    }
    return facts.isEmpty() ? label : label + SEPARATOR + detail();
  }

  /** The line after the verdict's words (the client shows the verdict as a badge before it). */
  public String detail() {
    List<String> clauses = new ArrayList<>();
    if (!situation.isEmpty()) {
      clauses.add(situation);
    }
    clauses.addAll(facts);
    return String.join(SEPARATOR, clauses);
  }

  /**
   * The last error or warning logged at the deciding hop.
   *
   * @param level {@code error} or {@code warning} (the event's level), or {@code failure} (an event
   *     meeting the hop's failure or dead-letter conditions at another level, e.g. a span)
   * @param message the message's first line (at most {@link FlowHeadlineBuilder#MESSAGE_CHARS}
   *     characters, then "…"; the events show it whole)
   * @param at when it was logged
   */
  public record Problem(String level, String message, Instant at) {}

  /**
   * How the search found the message when the user typed another ID than its own.
   *
   * @param kind a trace ID, or an ID the message is linked to (e.g. an ERP document number)
   * @param value what the user typed
   */
  public record Found(Kind kind, String value) {

    /** What kind of ID the user typed. */
    public enum Kind {
      TRACE_ID,
      LINKED_ID
    }
  }
}
