package org.hopscope.cli;

import static org.hopscope.cli.TerminalText.field;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.VerdictWords;

/** What the human {@code flow} output says beside a hop and under the table: parts, batches. */
final class FlowNotes {

  private FlowNotes() {}

  /** The hop's note: recovered failures, part progress, shared batch, clock correction, blind. */
  static String of(HopFlow hop) {
    List<String> notes = new ArrayList<>();
    if (hop.recovered()) {
      notes.add(
          "recovered after " + hop.failures() + " failure" + (hop.failures() == 1 ? "" : "s"));
    }
    if (hop.parts() != null) {
      notes.add(hop.parts().reached() + " of " + hop.parts().total() + " parts");
    }
    if (!hop.sharedBy().isEmpty()) {
      notes.add("batch " + fields(hop.sharedBy()) + " (shared)");
    }
    if (hop.skewMs() > 0) {
      notes.add("clock +" + FlowTable.latency(hop.skewMs()) + " corrected");
    }
    for (BlindSource b : hop.blind()) {
      notes.add(
          "unreadable: "
              + field(b.pattern())
              + " ("
              + b.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ")");
    }
    return String.join("; ", notes);
  }

  /** {@code values} joined by ", ", each a {@link TerminalText#field}. */
  private static String fields(java.util.Collection<String> values) {
    return String.join(", ", values.stream().map(TerminalText::field).toList());
  }

  /** The parts of a split message and the batches it travelled in, one line each. */
  static void printParts(Flow flow, PrintWriter out) {
    for (Flow.Part p : flow.parts()) {
      out.printf(
          "  part %s: %s%s, reached %s%s%n",
          field(p.id()),
          VerdictWords.label(p.verdict()),
          p.hop() == null ? "" : " at " + field(p.hop()),
          p.reached() == null ? "-" : field(p.reached()),
          p.batch() == null ? "" : ", batch " + field(p.batch()));
    }
    for (Flow.Batch b : flow.batches()) {
      out.printf(
          "  batch %s (batched at %s): %d member%s%s%n",
          field(b.id()),
          field(b.hop()),
          b.members(),
          b.members() == 1 ? "" : "s",
          b.others().isEmpty()
              ? ""
              : ", others: "
                  + fields(b.others())
                  + (b.members() - 1 > b.others().size() ? ", ..." : ""));
      for (Flow.Member m : b.verdicts()) {
        out.printf(
            "    member %s: %s%s%n",
            field(m.id()),
            VerdictWords.label(m.verdict()),
            m.hop() == null ? "" : " at " + field(m.hop()));
      }
    }
  }
}
