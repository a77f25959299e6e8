package org.hopscope.model;

import java.time.Instant;
import java.util.List;

/**
 * One message's end-to-end flow across a path.
 *
 * @param path path name
 * @param query what the user searched for (a message ID, ERP number, batch ID or trace ID)
 * @param ids every ID the message was found under (the query, linked IDs), in discovery order;
 *     never another member of its batch
 * @param verdict overall verdict: the verdict of the hop where the message stopped or failed (a
 *     split message: its worst part's), OK when every hop is OK, NO_EVIDENCE when nothing was
 *     found, UNKNOWN when its fate depends on a hop that could not be read
 * @param stuckAt hop where the message is stuck, or null
 * @param hops one entry per hop of the path, in path order
 * @param metrics each hop's panels over the flow's time span (empty when not fetched)
 * @param notices what the user must know: limits hit, clock skew, events beyond the window
 * @param basis what the answer is based on: the window asked for, the range searched, as of when
 * @param parts the parts of a split message, each with its own progress (empty without a split)
 * @param batches the batches the message travelled in (empty without a many-to-one link)
 */
public record Flow(
    String path,
    String query,
    List<String> ids,
    HopVerdict verdict,
    String stuckAt,
    List<HopFlow> hops,
    List<HopMetrics> metrics,
    List<Notice> notices,
    Basis basis,
    List<Part> parts,
    List<Batch> batches) {

  public Flow {
    ids = List.copyOf(ids);
    hops = List.copyOf(hops);
    metrics = List.copyOf(metrics);
    notices = List.copyOf(notices);
    parts = List.copyOf(parts);
    batches = List.copyOf(batches);
  }

  /** A flow without basis, parts or batches (tests, fixtures). */
  public Flow(
      String path,
      String query,
      List<String> ids,
      HopVerdict verdict,
      String stuckAt,
      List<HopFlow> hops,
      List<HopMetrics> metrics,
      List<Notice> notices) {
    this(path, query, ids, verdict, stuckAt, hops, metrics, notices, null, List.of(), List.of());
  }

  /**
   * What is still being read when this is a first answer (ADR 0048), in order; empty for an answer.
   */
  public List<Notice.StillReading> stillReading() {
    List<Notice.StillReading> out = new java.util.ArrayList<>();
    for (Notice n : notices) {
      if (n instanceof Notice.StillReading r) {
        out.add(r);
      }
    }
    return out;
  }

  /** This flow with other notices. */
  public Flow withNotices(List<Notice> other) {
    return new Flow(
        path, query, ids, verdict, stuckAt, hops, metrics, other, basis, parts, batches);
  }

  /**
   * What a flow is based on.
   *
   * @param window the window asked for, or null for none
   * @param searched the range actually searched (the window widened by the path's journey bound)
   * @param asOf the time STUCK vs IN_FLIGHT is judged at
   * @param before events found before the window
   * @param after events found after the window
   */
  public record Basis(
      TimeWindow window, TimeWindow searched, Instant asOf, int before, int after) {}

  /**
   * One part of a split message.
   *
   * @param id the part's ID (the link value it is logged under downstream)
   * @param verdict its own verdict (its events plus its batch's)
   * @param hop the hop that decides it (where it stopped or failed), or null when OK
   * @param reached the furthest hop with evidence of it
   * @param batch the batch it travelled in, or null
   */
  public record Part(String id, HopVerdict verdict, String hop, String reached, String batch) {}

  /**
   * A batch (many-to-one link) the message or one of its parts travelled in.
   *
   * @param id the batch ID
   * @param hop the hop that batched (the link's from hop)
   * @param members how many members the batch has (this message or part included), as found
   * @param others some of the other members' IDs (at most {@link #SAMPLE})
   * @param verdicts each member with its own verdict: filled when the search was for the batch
   */
  public record Batch(
      String id, String hop, int members, List<String> others, List<Member> verdicts) {

    /** How many other members a batch lists by ID. */
    public static final int SAMPLE = 20;

    public Batch {
      others = List.copyOf(others);
      verdicts = List.copyOf(verdicts);
    }
  }

  /** A batch member and its own verdict. */
  public record Member(String id, HopVerdict verdict, String hop) {}
}
