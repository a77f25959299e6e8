package org.hopscope.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Notice;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.oncall.FlowJson;

/**
 * The estimate stage of {@code hopscope stuck}: the funnel from a hash sample of the message IDs,
 * printed before the exact figures (text) or as the opt-in {@code estimate} object
 * (docs/cli-json.md).
 */
final class StuckEstimateOutput {

  private StuckEstimateOutput() {}

  /** An estimate and how long it took to answer. */
  record Timed(StuckEstimate estimate, Duration took) {}

  /** The labelled estimate table, the reasons for its unknown figures, and its warnings. */
  static void print(StuckEstimate estimate, Duration took, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "ESTIMATE in %.1f s (a hash sample of the message IDs; ± = error bound; the exact figures follow)%n",
        took.toMillis() / 1000.0);
    out.printf(
        "%-22s %17s %17s %17s %17s %17s%n",
        "HOP", "~ENTERED", "~LEFT", "~STUCK", "~FAILED", "~DLQ");
    Map<String, Integer> reasons = new LinkedHashMap<>();
    for (StuckEstimate.HopEstimate h : estimate.hops()) {
      if (!h.blind().isEmpty()) {
        out.printf("%-22s %s%n", TerminalText.field(h.hop()), StuckOutput.unknown(h.blind()));
        continue;
      }
      StringBuilder row = new StringBuilder(String.format("%-22s", TerminalText.field(h.hop())));
      for (Figure f : h.figures()) {
        String cell = f.text();
        if (!f.known()) {
          reasons.putIfAbsent(h.hop() + ": " + f.why(), reasons.size() + 1);
          cell = "unknown [" + reasons.get(h.hop() + ": " + f.why()) + "]";
        }
        row.append(String.format(" %17s", cell));
      }
      out.println(row);
    }
    reasons.forEach((why, n) -> out.println("  [" + n + "] " + TerminalText.message(why)));
    Set<String> bases = new LinkedHashSet<>();
    for (StuckEstimate.HopEstimate h : estimate.hops()) {
      for (Figure f : h.figures()) {
        if (f.known() && f.bound() > 0 && f.why() != null) {
          bases.add(f.why());
        }
      }
    }
    bases.forEach(b -> out.println("  ±: " + TerminalText.message(b)));
    for (Notice notice : estimate.notices()) {
      out.println("warning: " + TerminalText.message(notice.text()));
    }
    out.flush();
  }

  /** The {@code estimate} object of {@code stuck --json --estimates}. */
  static void writeJson(StuckEstimate estimate, Duration took, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("estimate");
    g.writeStringField("asOf", FlowJson.iso(estimate.asOf()));
    g.writeNumberField("tookMillis", took.toMillis());
    g.writeArrayFieldStart("hops");
    for (StuckEstimate.HopEstimate h : estimate.hops()) {
      g.writeStartObject();
      g.writeStringField("name", h.hop());
      figure(g, "entered", h.entered());
      figure(g, "left", h.left());
      figure(g, "stuck", h.stuck());
      figure(g, "failed", h.failed());
      figure(g, "deadLettered", h.deadLettered());
      blind(g, h.blind());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("warnings");
    for (Notice notice : estimate.notices()) {
      g.writeString(notice.text());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void figure(JsonGenerator g, String name, Figure f) throws IOException {
    g.writeObjectFieldStart(name);
    if (f.known()) {
      g.writeNumberField("value", f.value());
      g.writeNumberField("bound", f.bound());
    } else {
      g.writeNullField("value");
      g.writeNullField("bound");
    }
    g.writeBooleanField("known", f.known());
    if (f.why() == null) {
      g.writeNullField("why");
    } else {
      g.writeStringField("why", f.why());
    }
    g.writeEndObject();
  }

  private static void blind(JsonGenerator g, List<BlindSource> blind) throws IOException {
    g.writeArrayFieldStart("blind");
    for (BlindSource b : blind) {
      g.writeStartObject();
      g.writeStringField("pattern", b.pattern());
      g.writeStringField("reason", b.reason().name());
      g.writeStringField("detail", b.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
