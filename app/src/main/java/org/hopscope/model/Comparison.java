package org.hopscope.model;

import java.time.Instant;
import java.util.List;

/**
 * One message (the subject, usually stuck or failed) compared hop by hop with another message of
 * the same path (usually a healthy one near the same time).
 *
 * @param path path name
 * @param subject the subject's flow
 * @param other the flow compared with, or null when none could be found ({@link Basis#text()} says
 *     what was searched)
 * @param basis how the other message was chosen, or why there is none
 * @param hops one entry per hop of the path, in path order; empty without {@code other}
 */
public record Comparison(
    String path, Flow subject, Flow other, Basis basis, List<HopComparison> hops) {

  public Comparison {
    hops = List.copyOf(hops);
  }

  /** How the other message was chosen. */
  public enum Choice {
    /** The nearest OK message found by the search {@link Basis#searched()} describes. */
    NEAREST_OK,
    /** Named by the user; {@link Basis#text()} says when its verdict is not OK. */
    NAMED,
    /** No OK message was found; there is nothing to compare with. */
    NONE
  }

  /**
   * Why the other message is the one compared with.
   *
   * @param choice how it was chosen
   * @param otherId the other message's ID as found (null for {@link Choice#NONE})
   * @param text one sentence for people: "ord-x: the nearest OK message that reached erp-adapter,
   *     ..." or what was searched without finding one
   * @param searched each search step: hop, sources, window, keys found, candidates assembled and
   *     their verdicts (empty for a named message)
   */
  public record Basis(Choice choice, String otherId, String text, List<String> searched) {
    public Basis {
      searched = List.copyOf(searched);
    }
  }

  /**
   * One hop of the comparison.
   *
   * @param hop hop name
   * @param subject the subject's side
   * @param other the other message's side
   * @param latencyDeltaMs subject's hand-over latency minus the other's, or null when either is
   *     unknown
   * @param missing event kinds the other message has at this hop that the subject lacks
   * @param extra event kinds the subject has at this hop that the other lacks
   * @param fields document fields whose values differ between events of the same kind (IDs,
   *     timestamps, durations and positions left out), at most {@link #FIELDS}
   * @param moreFields how many more differing fields were left out
   */
  public record HopComparison(
      String hop,
      Side subject,
      Side other,
      Long latencyDeltaMs,
      List<EventKind> missing,
      List<EventKind> extra,
      List<FieldDifference> fields,
      int moreFields) {

    /** How many differing fields a hop lists. */
    public static final int FIELDS = 8;

    public HopComparison {
      missing = List.copyOf(missing);
      extra = List.copyOf(extra);
      fields = List.copyOf(fields);
    }
  }

  /**
   * One message at one hop.
   *
   * @param verdict its verdict there
   * @param reached whether it has events there (false with verdict UNKNOWN means "cannot tell")
   * @param first earliest event, or null
   * @param last latest event, or null
   * @param latencyMs hand-over time to the next hop, or null when unknown
   * @param attempts attempts made there
   * @param events how many events
   */
  public record Side(
      HopVerdict verdict,
      boolean reached,
      Instant first,
      Instant last,
      Long latencyMs,
      int attempts,
      int events) {}

  /**
   * A kind of event: its level and message with IDs and digits masked.
   *
   * @param key e.g. "INFO processed" or "WARN ERP call timed out after # ms, retry #/# in #s"
   * @param example one such event's message as logged
   * @param count how many events of this kind the side has
   */
  public record EventKind(String key, String example, int count) {}

  /**
   * A document field whose values differ between two events of the same kind.
   *
   * @param event the event kind's key
   * @param field the field, dotted ({@code tags[key=x].value} for keyed arrays)
   * @param subject the subject's value, or null when its event lacks the field
   * @param other the other's value, or null when its event lacks the field
   */
  public record FieldDifference(String event, String field, String subject, String other) {}
}
