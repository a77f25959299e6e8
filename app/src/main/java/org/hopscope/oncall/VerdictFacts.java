package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.hopscope.model.BlindSource;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;

/**
 * The clauses of a headline whose verdict places the message at no stuck hop: OK (the hops passed
 * and the journey's length), NO_EVIDENCE (the range searched) and UNKNOWN (what is still being
 * read, or the hop that could not be read). Pure; used by {@link FlowHeadlineBuilder}.
 */
final class VerdictFacts {

  private VerdictFacts() {}

  static Duration journey(Flow f) {
    Instant first =
        f.hops().stream()
            .map(HopFlow::firstSeen)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
    Instant last =
        f.hops().stream()
            .map(HopFlow::lastSeen)
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(null);
    return first == null || last == null ? null : Duration.between(first, last);
  }

  static String passed(Flow f, Duration took) {
    long ok = f.hops().stream().filter(h -> h.verdict() == HopVerdict.OK).count();
    String hops =
        ok == f.hops().size()
            ? "passed all " + ok + " hop" + (ok == 1 ? "" : "s")
            : "passed " + ok + " of " + f.hops().size() + " hops";
    return hops + (took == null ? "" : " in " + FlowHeadlineBuilder.duration(took));
  }

  static String nothingFound(Flow f) {
    Flow.Basis b = f.basis();
    String range =
        b == null || b.searched() == null
            ? ""
            : " in the "
                // to the nearest second: a 5 h range whose ends differ in nanoseconds is "5 h"
                + FlowHeadlineBuilder.duration(
                    Duration.ofSeconds(
                        Math.round(
                            Duration.between(b.searched().from(), b.searched().to()).toMillis()
                                / 1000.0)))
                + " searched";
    return "no hop has a record of " + f.query() + range;
  }

  /** A first answer's clauses: what is still being read ({@link Notice.StillReading}). */
  static List<String> reading(Flow f) {
    List<String> out = new ArrayList<>();
    for (Notice.StillReading r : f.stillReading()) {
      out.add(
          String.format(
              Locale.ROOT,
              "still reading %s: %,d of %,d events so far",
              r.hop(),
              r.read(),
              r.matched()));
    }
    if (!out.isEmpty()) {
      out.add("no verdict until all are read");
    }
    return out;
  }

  static List<String> unreadable(Flow f, HopFlow hop) {
    List<String> out = new ArrayList<>();
    if (hop != null) {
      out.add(
          hop.hop()
              + " could not be read ("
              + String.join(", ", hop.blind().stream().map(BlindSource::pattern).toList())
              + "): the message may have passed it");
    } else {
      out.add("a hop could not be read: the message may have passed it");
    }
    f.hops().stream()
        .filter(h -> h.lastSeen() != null)
        .reduce((a, b) -> b)
        .ifPresent(h -> out.add("last seen at " + h.hop()));
    return out;
  }
}
