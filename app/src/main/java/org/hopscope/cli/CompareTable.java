package org.hopscope.cli;

import static org.hopscope.cli.TerminalText.field;
import static org.hopscope.cli.TerminalText.message;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.hopscope.model.Comparison;
import org.hopscope.model.Comparison.EventKind;
import org.hopscope.model.Comparison.FieldDifference;
import org.hopscope.model.Comparison.HopComparison;
import org.hopscope.model.Flow;
import org.hopscope.oncall.ComparisonWords;

/** The human form of {@code hopscope compare}: the basis, then one block per hop. */
final class CompareTable {

  private final DateTimeFormatter time;
  private final String zoneLabel;

  CompareTable(ZoneId zone) {
    this.time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(zone);
    this.zoneLabel = zone.getId().equals("Z") ? "UTC" : zone.getId();
  }

  void print(Comparison c, PrintWriter out) {
    Flow a = c.subject();
    Flow b = c.other();
    out.printf(
        "%s  %s  %s%s  vs  %s%n",
        field(c.path()),
        field(a.query()),
        a.verdict(),
        a.stuckAt() == null ? "" : " at " + field(a.stuckAt()),
        b == null ? "(none)" : field(b.query()) + "  " + b.verdict());
    out.println("basis: " + message(c.basis().text()));
    for (String s : c.basis().searched()) {
      out.println("  searched " + message(s));
    }
    if (b == null) {
      return;
    }
    out.printf(
        "%-22s %-14s %-14s %16s %16s %10s %9s  %s%n",
        "HOP",
        "SUBJECT",
        "OTHER",
        "LATENCY SUBJECT",
        "LATENCY OTHER",
        "DELTA",
        "ATTEMPTS",
        "FIRST SEEN (" + zoneLabel + ") SUBJECT / OTHER");
    for (int i = 0; i < c.hops().size(); i++) {
      HopComparison h = c.hops().get(i);
      boolean last = i == c.hops().size() - 1;
      out.printf(
          "%-22s %-14s %-14s %16s %16s %10s %9s  %s / %s%n",
          field(h.hop()),
          ComparisonWords.verdict(h.subject()),
          ComparisonWords.verdict(h.other()),
          ComparisonWords.latency(h.subject(), last),
          ComparisonWords.latency(h.other(), last),
          ComparisonWords.hopDelta(h),
          h.subject().attempts() + " / " + h.other().attempts(),
          format(h.subject().first()),
          format(h.other().first()));
      for (EventKind k : h.missing()) {
        out.println("    missing: " + message(k.key()) + ComparisonWords.times(k.count()));
      }
      for (EventKind k : h.extra()) {
        out.println("    only in subject: " + message(k.key()) + ComparisonWords.times(k.count()));
      }
      for (FieldDifference d : h.fields()) {
        out.printf(
            "    differs: %s = %s vs %s (in \"%s\")%n",
            field(d.field()),
            message(ComparisonWords.value(d.subject())),
            message(ComparisonWords.value(d.other())),
            message(d.event()));
      }
      if (h.moreFields() > 0) {
        out.printf(
            "    and %d more differing fields (--json lists the first ones)%n", h.moreFields());
      }
    }
  }

  private String format(Instant t) {
    return t == null ? "-" : time.format(t);
  }
}
