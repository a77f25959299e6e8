package org.hopscope.ui.flow;

import java.util.List;
import java.util.Locale;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.ui.look.VerdictLook;

/**
 * How the parts and batch tabs say who travels with the message: the parts of a split, the members
 * of a batch. Pure, no FX.
 */
public final class PartBatchWords {

  /** A batch member row: its ID, its verdict (null: not known from this search), deciding hop. */
  public record Member(String id, HopVerdict verdict, String hop) {}

  private PartBatchWords() {}

  /** "Parts (3)", "Parts (3 · 1 stuck)": the count and how many are not OK. */
  static String partsTitle(List<Flow.Part> parts) {
    long troubled = parts.stream().filter(p -> p.verdict() != HopVerdict.OK).count();
    if (troubled == 0) {
      return "Parts (" + parts.size() + ")";
    }
    String worst =
        parts.stream()
            .map(Flow.Part::verdict)
            .filter(v -> v != HopVerdict.OK)
            .findFirst()
            .map(v -> VerdictLook.words(v).toLowerCase(Locale.ROOT))
            .orElse("");
    return troubled == 1
        ? "Parts (" + parts.size() + " · 1 " + worst + ")"
        : "Parts (" + parts.size() + " · " + troubled + " not OK)";
  }

  /** The tab's title: "Batch B-00061 (25)". */
  static String title(Flow.Batch b) {
    return "Batch " + b.id() + " (" + b.members() + ")";
  }

  /**
   * "Batch B-00061 of 25 messages, batched at settlement: 22 OK, 3 stuck." when the members'
   * verdicts are known, else which members are listed and how to see their verdicts.
   */
  static String heading(Flow f, Flow.Batch b) {
    String what =
        "Batch %s of %s, batched at %s".formatted(b.id(), HopWords.messages(b.members()), b.hop());
    if (!b.verdicts().isEmpty()) {
      return what + ": " + FlowSummary.counts(b.verdicts(), Flow.Member::verdict) + ".";
    }
    int others = b.members() - 1;
    String listed = b.others().size() < others ? " (" + b.others().size() + " listed)" : "";
    return what
        + ". This message shares its evidence with "
        + HopWords.messages(others).replace("message", "other message")
        + listed
        + ". Search the batch for each member's verdict.";
  }

  /** The member rows: every member with its verdict, or the listed others without. */
  static List<Member> rows(Flow.Batch b) {
    if (!b.verdicts().isEmpty()) {
      return b.verdicts().stream().map(m -> new Member(m.id(), m.verdict(), m.hop())).toList();
    }
    return b.others().stream().map(id -> new Member(id, null, null)).toList();
  }
}
