package org.hopscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckComparison.FigureChange;
import org.hopscope.model.StuckComparison.HopChange;

/**
 * {@code stuck --compare}: the per-hop "what changed" table and the {@code compare} object of the
 * JSON contract (docs/cli-json.md). The words are the model's ({@link StuckComparison}).
 */
final class StuckCompareOutput {

  /** What the stuck analysis cannot compare, said rather than invented. */
  static final String NO_LATENCY =
      "latency: the stuck analysis measures no hand-over times; slow/min (hand-overs past the"
          + " hop's SLA) is its latency figure";

  private static final String[] HEADERS = {
    "ENTERED/MIN", "LEFT/MIN", "STUCK/MIN", "FAILED/MIN", "DLQ/MIN", "SLOW/MIN"
  };

  private StuckCompareOutput() {}

  static void print(StuckComparison c, PrintWriter out) {
    out.printf(
        "What changed vs %s (%s .. %s UTC), per minute now and the change:%n",
        c.baselineWords(),
        StuckOutput.TIME.format(c.baselineWindow().from()),
        StuckOutput.TIME.format(c.baselineWindow().to()));
    out.println(TerminalText.message(c.headline()));
    StringBuilder header = new StringBuilder(String.format("  %-22s", "HOP"));
    for (String h : HEADERS) {
      header.append(String.format(" %15s", h));
    }
    out.println(header);
    for (HopChange hop : c.hops()) {
      String mark = hop.hop().equals(c.marked()) ? "* " : "  ";
      StringBuilder row =
          new StringBuilder(mark + String.format("%-22s", TerminalText.field(hop.hop())));
      if (!hop.compared()) {
        row.append(' ').append(hop.change().words());
        if (hop.change() != StuckComparison.Change.UNKNOWN) {
          row.append(" (now: ").append(c.rate(hop.figure("entered").now())).append(" entered/min)");
        }
        out.println(row);
        continue;
      }
      for (FigureChange f : hop.figures()) {
        row.append(String.format(" %15s", c.rate(f.now()) + " " + f.delta()));
      }
      out.println(row.toString().stripTrailing());
    }
    if (c.marked() != null) {
      out.println("* moved most");
    }
    out.println(NO_LATENCY);
  }

  static void writeJson(StuckComparison c, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("compare");
    g.writeStringField("baseline", c.baseline().argument());
    g.writeStringField("from", c.baselineWindow().from().toString());
    g.writeStringField("to", c.baselineWindow().to().toString());
    g.writeNumberField("minutes", c.minutes());
    g.writeBooleanField("available", c.unavailable() == null);
    g.writeStringField("unavailable", c.unavailable());
    g.writeStringField("marked", c.marked());
    g.writeStringField("markedFigure", c.markedFigure());
    g.writeStringField("headline", c.headline());
    g.writeNullField("latency");
    g.writeArrayFieldStart("hops");
    for (HopChange hop : c.hops()) {
      g.writeStartObject();
      g.writeStringField("name", hop.hop());
      g.writeStringField("change", hop.change().name());
      g.writeObjectFieldStart("figures");
      for (FigureChange f : hop.figures()) {
        g.writeObjectFieldStart(f.figure());
        number(g, "now", f.now());
        number(g, "before", f.before());
        perMinute(g, "nowPerMinute", f.now(), c.minutes());
        perMinute(g, "beforePerMinute", f.before(), c.minutes());
        g.writeStringField("change", f.change().name());
        if (f.percent() == null) {
          g.writeNullField("percent");
        } else {
          g.writeNumberField("percent", Math.round(f.percent() * 10) / 10.0);
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, String name, Long value) throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, value);
    }
  }

  private static void perMinute(JsonGenerator g, String name, Long value, double minutes)
      throws IOException {
    if (value == null) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, Math.round(value / minutes * 1000) / 1000.0);
    }
  }
}
