package org.hopscope.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.oncall.FlowJson;

/** The human table and the JSON contract (docs/cli-json.md) of {@code hopscope stuck}. */
final class StuckOutput {

  private final JsonFactory factory = new JsonFactory();

  /** UTC to the millisecond, as {@code flow} prints times. */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  /**
   * The listed messages after the per-hop table: how many, a header line, one message a line.
   *
   * @param messages how many matched (more than listed when truncated)
   */
  static void printMessages(
      List<StuckMessage> listed, long messages, boolean truncated, int limit, PrintWriter out) {
    if (messages == 0) {
      out.println("No stuck, failed or dead-lettered messages in the window.");
      return;
    }
    out.println(
        truncated
            ? messages
                + " stuck, failed or dead-lettered messages; the first "
                + limit
                + " listed (raise --limit):"
            : messages + " stuck, failed or dead-lettered messages:");
    out.printf("%-14s %-22s %-23s  %s%n", "VERDICT", "HOP", "LAST SEEN (UTC)", "MESSAGE ID");
    for (StuckMessage m : listed) {
      out.printf(
          "%-14s %-22s %-23s  %s%n",
          org.hopscope.model.VerdictWords.label(m.verdict()),
          TerminalText.field(m.hop()),
          TIME.format(m.lastSeen()),
          TerminalText.field(m.id()));
    }
  }

  /** The path, the window and the per-hop table, then the analysis' warnings. */
  static void printCounts(StuckReport report, PrintWriter out) {
    out.printf(
        "%s  %s .. %s UTC (as of %s)%n",
        TerminalText.field(report.path()),
        TIME.format(report.window().from()),
        TIME.format(report.window().to()),
        TIME.format(report.asOf()));
    out.printf(
        "%-22s %9s %9s %9s %9s %9s %9s%n",
        "HOP", "ENTERED", "LEFT", "STUCK", "FAILED", "DLQ", "SLOW");
    for (HopCounts c : report.hops()) {
      if (!c.blind().isEmpty()) {
        out.printf("%-22s %s%n", TerminalText.field(c.hop()), unknown(c.blind()));
        continue;
      }
      out.printf(
          "%-22s %9d %9d %9d %9d %9d %9d%n",
          TerminalText.field(c.hop()),
          c.entered(),
          c.left(),
          c.stuck(),
          c.failed(),
          c.deadLettered(),
          c.slow());
    }
    for (org.hopscope.model.Notice notice : report.notices()) {
      out.println("warning: " + TerminalText.message(notice.text()));
    }
  }

  /** {@code unknown: unreadable: PATTERN (REASON), ...} for a hop that could not be read. */
  static String unknown(List<BlindSource> blind) {
    StringBuilder b = new StringBuilder("unknown: unreadable: ");
    for (int i = 0; i < blind.size(); i++) {
      BlindSource s = blind.get(i);
      b.append(i == 0 ? "" : ", ")
          .append(TerminalText.field(s.pattern()))
          .append(" (")
          .append(s.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(')');
    }
    return b.toString();
  }

  void writeJson(StuckReport report, List<StuckMessage> messages, boolean truncated, Writer w)
      throws IOException {
    writeJson(report, null, messages, truncated, w);
  }

  /**
   * The JSON contract; {@code comparison} (null: none asked for) adds the {@code compare} object.
   */
  void writeJson(
      StuckReport report,
      StuckComparison comparison,
      List<StuckMessage> messages,
      boolean truncated,
      Writer w)
      throws IOException {
    writeJson(report, comparison, null, messages, truncated, w);
  }

  /**
   * The JSON contract; {@code comparison} adds the {@code compare} object, {@code estimate} the
   * {@code estimate} object (each null: not asked for).
   */
  void writeJson(
      StuckReport report,
      StuckComparison comparison,
      StuckEstimateOutput.Timed estimate,
      List<StuckMessage> messages,
      boolean truncated,
      Writer w)
      throws IOException {
    try (JsonGenerator g = factory.createGenerator(w)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("path", report.path());
      g.writeStringField("from", report.window().from().toString());
      g.writeStringField("to", report.window().to().toString());
      g.writeArrayFieldStart("hops");
      for (HopCounts c : report.hops()) {
        boolean unknown = !c.blind().isEmpty();
        g.writeStartObject();
        g.writeStringField("name", c.hop());
        count(g, "entered", c.entered(), unknown);
        count(g, "left", c.left(), unknown);
        count(g, "stuck", c.stuck(), unknown);
        count(g, "failed", c.failed(), unknown);
        count(g, "deadLettered", c.deadLettered(), unknown);
        count(g, "slow", c.slow(), unknown);
        g.writeBooleanField("unknown", unknown);
        g.writeArrayFieldStart("blind");
        for (BlindSource b : c.blind()) {
          g.writeStartObject();
          g.writeStringField("pattern", b.pattern());
          g.writeStringField("reason", b.reason().name());
          g.writeStringField("detail", b.detail());
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("messages");
      for (StuckMessage m : messages) {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField(m.verdict() == HopVerdict.STUCK ? "stuckAt" : "failedAt", m.hop());
        g.writeStringField("verdict", m.verdict().name());
        g.writeStringField("lastSeen", FlowJson.iso(m.lastSeen()));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeBooleanField("truncated", truncated);
      g.writeArrayFieldStart("warnings");
      for (org.hopscope.model.Notice notice : report.notices()) {
        g.writeString(notice.text());
      }
      g.writeEndArray();
      if (comparison != null) {
        StuckCompareOutput.writeJson(comparison, g);
      }
      if (estimate != null) {
        StuckEstimateOutput.writeJson(estimate.estimate(), estimate.took(), g);
      }
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  /** A count, or null when the hop could not be read. */
  private static void count(JsonGenerator g, String name, long value, boolean unknown)
      throws IOException {
    if (unknown) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }
}
