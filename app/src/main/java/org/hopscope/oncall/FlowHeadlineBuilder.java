package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;

/** Builds a {@link FlowHeadline} from a flow; pure, general (no path's names or fields). */
final class FlowHeadlineBuilder {

  /** The longest error or warning message the line quotes (its first line), in characters. */
  static final int MESSAGE_CHARS = 200;

  /** How many other IDs the line names before "and N more". */
  static final int IDS_SHOWN = 3;

  private FlowHeadlineBuilder() {}

  static FlowHeadline build(Flow f) {
    HopFlow hop = decidingHop(f);
    Instant asOf = f.basis() == null ? null : f.basis().asOf();
    String messageId = messageId(f);
    FlowHeadline.Found found = found(f, messageId);
    List<String> aka = alsoKnownAs(f, messageId);
    Duration howLong = null;
    String situation = "";
    List<String> facts = new ArrayList<>();
    FlowHeadline.Problem problem = null;
    switch (f.verdict()) {
      case OK -> {
        howLong = VerdictFacts.journey(f);
        facts.add(VerdictFacts.passed(f, howLong));
      }
      case NO_EVIDENCE -> facts.add(VerdictFacts.nothingFound(f));
      case UNKNOWN ->
          facts.addAll(
              VerdictFacts.reading(f).isEmpty()
                  ? VerdictFacts.unreadable(f, hop)
                  : VerdictFacts.reading(f));
      case SLOW -> {
        howLong =
            hop == null || hop.latencyMs() == null ? null : Duration.ofMillis(hop.latencyMs());
        situation = at(hop) + (howLong == null ? "" : ": handed on after " + duration(howLong));
      }
      default -> {
        howLong = since(hop, asOf);
        situation = at(hop) + (howLong == null ? "" : " for " + duration(howLong));
      }
    }
    if (hop != null && f.verdict() != HopVerdict.OK && f.verdict() != HopVerdict.UNKNOWN) {
      if (hop.attempts() > 1) {
        facts.add(hop.attempts() + " attempts");
      }
      problem = problem(hop);
      if (problem != null) {
        facts.add("last " + problem.level() + ": " + problem.message());
      }
    }
    if (found != null) {
      facts.add(
          "found by "
              + (found.kind() == FlowHeadline.Found.Kind.TRACE_ID ? "trace ID " : "")
              + found.value()
              + ": message "
              + messageId);
    }
    if (!aka.isEmpty()) {
      facts.add("also known as " + ids(aka));
    }
    return new FlowHeadline(
        f.verdict(),
        hop == null ? null : hop.hop(),
        howLong,
        hop == null ? 0 : hop.attempts(),
        problem,
        messageId,
        found,
        aka,
        situation,
        facts);
  }

  /**
   * The hop that decides the verdict: where it is stuck; the last failed hop (a failure is
   * unrecovered at the last hop that has one); else the first hop with the flow's verdict; for a
   * split message without such a hop, the worst part's hop.
   */
  static HopFlow decidingHop(Flow f) {
    HopVerdict v = f.verdict();
    if (v == HopVerdict.OK || v == HopVerdict.NO_EVIDENCE) {
      return null;
    }
    String name = f.stuckAt();
    if (name == null && v == HopVerdict.ERROR) {
      name =
          f.hops().stream()
              .filter(h -> h.verdict() == v)
              .reduce((a, b) -> b)
              .map(HopFlow::hop)
              .orElse(null);
    }
    if (name == null) {
      name =
          f.hops().stream()
              .filter(h -> h.verdict() == v)
              .map(HopFlow::hop)
              .findFirst()
              .orElse(null);
    }
    if (name == null) {
      name =
          f.parts().stream()
              .filter(p -> p.verdict() == v && p.hop() != null)
              .map(Flow.Part::hop)
              .findFirst()
              .orElse(null);
    }
    String wanted = name;
    return f.hops().stream().filter(h -> h.hop().equals(wanted)).findFirst().orElse(null);
  }

  /** The message's own ID: the first message ID of its earliest evidence in path order. */
  static String messageId(Flow f) {
    if (f.batches().stream().anyMatch(b -> b.id().equals(f.query()))) {
      return null; // a search for a batch: its members are many messages
    }
    for (HopFlow h : f.hops()) {
      if (!h.sharedBy().isEmpty()) {
        continue;
      }
      for (FlowEvent e : h.events()) {
        if (!e.ids().isEmpty()) {
          return e.ids().get(0);
        }
      }
    }
    return null;
  }

  private static FlowHeadline.Found found(Flow f, String messageId) {
    if (messageId == null || messageId.equals(f.query())) {
      return null;
    }
    boolean byTrace =
        f.hops().stream()
            .flatMap(h -> h.events().stream())
            .anyMatch(e -> f.query().equals(e.traceId()) && !e.ids().contains(f.query()));
    return new FlowHeadline.Found(
        byTrace ? FlowHeadline.Found.Kind.TRACE_ID : FlowHeadline.Found.Kind.LINKED_ID, f.query());
  }

  private static List<String> alsoKnownAs(Flow f, String messageId) {
    Set<String> out = new LinkedHashSet<>(f.ids());
    out.remove(f.query());
    out.remove(messageId);
    f.batches().forEach(b -> out.remove(b.id()));
    f.parts().forEach(p -> out.remove(p.id()));
    return List.copyOf(out);
  }

  private static String ids(List<String> ids) {
    if (ids.size() <= IDS_SHOWN) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, IDS_SHOWN))
        + " and "
        + (ids.size() - IDS_SHOWN)
        + " more";
  }

  private static String at(HopFlow hop) {
    return hop == null ? "" : "at " + hop.hop();
  }

  private static Duration since(HopFlow hop, Instant asOf) {
    if (hop == null || hop.lastSeen() == null || asOf == null || asOf.isBefore(hop.lastSeen())) {
      return null;
    }
    return Duration.between(hop.lastSeen(), asOf);
  }

  /** The last event at {@code hop} that reads as an error or a warning and has a message. */
  static FlowHeadline.Problem problem(HopFlow hop) {
    List<FlowEvent> events = hop.events();
    for (int i = events.size() - 1; i >= 0; i--) {
      FlowEvent e = events.get(i);
      String level = level(e);
      if (level != null && e.message() != null && !e.message().isBlank()) {
        return new FlowHeadline.Problem(level, firstLine(e.message()), e.timestamp());
      }
    }
    return null;
  }

  /**
   * "error" for an event logged at an error-like level (error, fatal, critical, severe, emergency,
   * alert, panic), "warning" for a warning level, "failure" for any other event meeting the hop's
   * failure or dead-letter conditions (e.g. a failed span, whose message is its operation), else
   * null.
   */
  static String level(FlowEvent e) {
    String l = e.level() == null ? "" : e.level().strip().toLowerCase(Locale.ROOT);
    if (l.startsWith("err")
        || l.startsWith("fatal")
        || l.startsWith("crit")
        || l.startsWith("severe")
        || l.startsWith("emerg")
        || l.equals("alert")
        || l.equals("panic")) {
      return "error";
    }
    if (l.startsWith("warn")) {
      return "warning";
    }
    return e.failure() || e.deadLetter() ? "failure" : null;
  }

  private static String firstLine(String message) {
    String line = message.strip().lines().findFirst().orElse("").strip();
    return line.codePointCount(0, line.length()) <= MESSAGE_CHARS
        ? line
        : line.substring(0, line.offsetByCodePoints(0, MESSAGE_CHARS)) + "…";
  }

  /**
   * "850 ms", "12 s", "1 min 2 s", "40 min", "2 h 5 min", "3 d 4 h": whole units, cut not rounded.
   */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms < 1_000) {
      return ms + " ms";
    }
    long s = d.toSeconds();
    if (s < 60) {
      return s + " s";
    }
    long min = d.toMinutes();
    if (min < 60) {
      return min < 10 && s % 60 != 0 ? min + " min " + s % 60 + " s" : min + " min";
    }
    long h = d.toHours();
    if (h < 24) {
      return min % 60 == 0 ? h + " h" : h + " h " + min % 60 + " min";
    }
    return h % 24 == 0 ? d.toDays() + " d" : d.toDays() + " d " + h % 24 + " h";
  }
}
