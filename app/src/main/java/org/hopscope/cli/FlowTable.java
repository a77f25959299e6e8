package org.hopscope.cli;

import static org.hopscope.cli.TerminalText.field;
import static org.hopscope.cli.TerminalText.message;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.VerdictWords;
import org.hopscope.oncall.FlowHeadline;

/** The human form of {@code hopscope flow}: a compact table, one row per hop. */
final class FlowTable {

  private final DateTimeFormatter time;
  private final String zoneLabel;

  /** Times in {@code zone} (UTC unless the user asked for local time), labelled in the header. */
  FlowTable(ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(zone);
    this.zoneLabel = zone.getId().equals("Z") ? "UTC" : zone.getId();
  }

  void print(Flow flow, PrintWriter out) {
    out.println(field(FlowHeadline.of(flow).text()));
    out.printf(
        "%s  %s  %s%s%n",
        field(flow.path()),
        field(flow.query()),
        VerdictWords.label(flow.verdict()),
        flow.stuckAt() == null ? "" : " at " + field(flow.stuckAt()));
    if (flow.ids().size() > 1) {
      out.printf(
          "  also known as: %s%n",
          String.join(
              ", ",
              flow.ids().subList(1, flow.ids().size()).stream().map(TerminalText::field).toList()));
    }
    out.printf(
        "%-22s %-14s %8s  %-23s  %-23s %10s %8s  %s%n",
        "HOP",
        "VERDICT",
        "ATTEMPTS",
        "FIRST SEEN (" + zoneLabel + ")",
        "LAST SEEN",
        "LATENCY",
        "EVENTS",
        "NOTE");
    for (HopFlow hop : flow.hops()) {
      String row =
          String.format(
              "%-22s %-14s %8s  %-23s  %-23s %10s %8d  %s",
              field(hop.hop()),
              VerdictWords.label(hop.verdict()),
              hop.verdict() == HopVerdict.NO_EVIDENCE ? "-" : Integer.toString(hop.attempts()),
              format(hop.firstSeen()),
              format(hop.lastSeen()),
              hop.latencyMs() == null ? "-" : latency(hop.latencyMs()),
              hop.events().size(),
              FlowNotes.of(hop));
      out.println(row.stripTrailing());
    }
    FlowNotes.printParts(flow, out);
    if (!flow.metrics().isEmpty()) {
      long series = flow.metrics().stream().mapToLong(m -> m.series().size()).sum();
      out.printf(
          "metrics: %d panels, %d series around the flow (--json for the values)%n",
          flow.metrics().size(), series);
    }
    for (org.hopscope.model.Notice notice : flow.notices()) {
      out.println((notice.informational() ? "note: " : "warning: ") + message(notice.text()));
    }
    out.flush();
  }

  private String format(Instant t) {
    return t == null ? "-" : time.format(t);
  }

  static String latency(long ms) {
    if (ms < 1_000) {
      return ms + " ms";
    }
    if (ms < 120_000) {
      return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f min", ms / 60000.0);
  }
}
