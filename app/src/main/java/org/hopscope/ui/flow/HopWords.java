package org.hopscope.ui.flow;

import java.util.Locale;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.ui.look.BlindLook;

/**
 * How a hop card says what its evidence means beyond the verdict: recovered failures, a split's
 * progress, evidence shared with a batch, sources that could not be read. Pure, no FX.
 */
public final class HopWords {

  private HopWords() {}

  /** "1 failure", "3 failures". */
  public static String failures(int n) {
    return n == 1 ? "1 failure" : String.format(Locale.ROOT, "%,d failures", n);
  }

  /**
   * "recovered after 1 failure" when every failure at the hop was followed by a later attempt or
   * later evidence; "2 failures" for failures not recovered; null without failures.
   */
  public static String failureLine(HopFlow h) {
    if (h.failures() == 0) {
      return null;
    }
    return h.recovered() ? "recovered after " + failures(h.failures()) : failures(h.failures());
  }

  /**
   * The card's line about unreadable sources: "Unreadable: logs-fulfil-* (no index matches)" when
   * the hop could not be read at all (verdict UNKNOWN), "Not read: audit-* (no privilege)" when
   * only some of its sources could not; null when every source was read.
   */
  public static String blindLine(HopFlow h) {
    if (h.blind().isEmpty()) {
      return null;
    }
    return (h.verdict() == HopVerdict.UNKNOWN ? "Unreadable: " : "Not read: ")
        + BlindLook.sources(h.blind());
  }

  /** The backend's words for each unreadable source, one a line (the card's tooltip), or null. */
  public static String blindDetail(HopFlow h) {
    return h.blind().isEmpty() ? null : BlindLook.details(h.blind());
  }

  /** A split's progress at the hop: "2 of 3 parts", or null. */
  public static String parts(HopFlow h) {
    return h.parts() == null
        ? null
        : String.format(Locale.ROOT, "%d of %d parts", h.parts().reached(), h.parts().total());
  }

  /**
   * Whose evidence the hop shows: "in batch B-00061 with 24 other messages", "batch of 25 messages"
   * when the search was for the batch itself, "in batches B-1, B-2" for parts in several batches;
   * null when the evidence is the message's own.
   */
  public static String shared(Flow f, HopFlow h) {
    if (h.sharedBy().isEmpty()) {
      return null;
    }
    if (h.sharedBy().size() > 1) {
      return "in batches " + String.join(", ", h.sharedBy());
    }
    String id = h.sharedBy().get(0);
    Flow.Batch b = batch(f, id);
    if (b == null) {
      return "in batch " + id;
    }
    if (id.equals(f.query())) {
      return "batch of " + messages(b.members());
    }
    return "in batch "
        + id
        + " with "
        + messages(b.members() - 1).replace("message", "other message");
  }

  /** The batch with this ID among the flow's, or null. */
  static Flow.Batch batch(Flow f, String id) {
    return f.batches().stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
  }

  /** "1 message", "24 messages". */
  static String messages(int n) {
    return n == 1 ? "1 message" : String.format(Locale.ROOT, "%,d messages", n);
  }

  /**
   * The facts line: "2 of 3 parts · 5 events", "no events", "unreadable"; in a first answer "1,000
   * events so far, 99,002 more to read" for a hop still being read ({@link Notice.StillReading}).
   */
  public static String facts(Flow f, HopFlow h) {
    long more =
        f.stillReading().stream()
            .filter(r -> r.hop().equals(h.hop()))
            .mapToLong(r -> r.matched() - r.read())
            .sum();
    String events =
        h.events().isEmpty()
            ? (h.verdict() == HopVerdict.UNKNOWN ? "events unknown" : "no events")
            : FlowFormat.events(h.events().size());
    if (more > 0) {
      events += String.format(Locale.ROOT, " so far, %,d more to read", more);
    }
    String parts = parts(h);
    return parts == null ? events : parts + " · " + events;
  }
}
