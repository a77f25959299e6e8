package org.hopscope.oncall;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hopscope.model.Comparison.Basis;
import org.hopscope.model.Comparison.Choice;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.source.EventSource;
import org.hopscope.source.KeyBucket;
import org.hopscope.source.KeyScan;

/**
 * Finds an OK message of the same path near a subject message (docs/decisions/0023): the messages
 * with events at the hop after the one where the subject stopped (the last hop when it got there)
 * in a window around the subject's first event at its stopping hop, nearest first; their flows are
 * assembled a few at a time and the first OK one is taken. The window widens in {@link #STEPS}.
 */
final class HealthyMatch {

  /** Half-widths of the windows searched, in order. */
  static final List<Duration> STEPS =
      List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30));

  /** Candidates assembled per step at most. */
  static final int PER_STEP = 5;

  /** Keys read per step at most. */
  static final int MAX_KEYS = 20_000;

  private static final int PAGE = 1_000;

  /** Assembles one candidate's flow. */
  @FunctionalInterface
  interface FlowFinder {
    Flow find(String id, Cancellation cancel);
  }

  /** The message found (null when none) and how. */
  record Pick(Flow flow, Basis basis) {}

  private final EventSource events;
  private final FlowFinder flows;

  HealthyMatch(EventSource events, FlowFinder flows) {
    this.events = events;
    this.flows = flows;
  }

  /** An OK message near {@code subject} (which has evidence), or a basis saying what was tried. */
  Pick pick(PathDef path, Flow subject, Cancellation cancel) {
    int stop = stopHop(subject);
    int scanAt = Math.min(stop + 1, path.hops().size() - 1);
    HopFlow stopped = subject.hops().get(stop);
    String scanHop = path.hops().get(scanAt).name();
    Instant anchor = stopped.firstSeen();
    String who = subject.ids().isEmpty() ? subject.query() : subject.ids().get(0);
    Set<String> tried = new HashSet<>(subject.ids());
    tried.add(subject.query());
    List<String> searched = new ArrayList<>();
    List<Duration> steps = new ArrayList<>(STEPS);
    if (path.journeyBound().compareTo(steps.get(steps.size() - 1)) > 0) {
      steps.add(path.journeyBound());
    }
    for (Duration half : steps) {
      TimeWindow window = new TimeWindow(anchor.minus(half), anchor.plus(half));
      Map<String, Instant> keys = new HashMap<>();
      boolean capped = scan(path, scanAt, window, keys, cancel);
      List<String> nearest =
          keys.keySet().stream()
              .filter(k -> !tried.contains(k))
              .sorted(
                  Comparator.comparingLong((String k) -> gap(keys.get(k), anchor))
                      .thenComparing(Comparator.naturalOrder()))
              .limit(PER_STEP)
              .toList();
      Map<HopVerdict, Integer> verdicts = new EnumMap<>(HopVerdict.class);
      Flow found = null;
      for (String key : nearest) {
        cancel.check();
        tried.add(key);
        Flow f = flows.find(key, cancel);
        verdicts.merge(f.verdict(), 1, Integer::sum);
        if (f.verdict() == HopVerdict.OK) {
          found = f;
          break;
        }
      }
      searched.add(searchedLine(path, scanAt, window, keys.size(), capped, verdicts));
      if (found != null) {
        String id = found.ids().isEmpty() ? found.query() : found.ids().get(0);
        return new Pick(
            found,
            new Basis(
                Choice.NEAREST_OK,
                id,
                chosenText(id, who, scanHop, stopped.hop(), scanAt == stop, found, subject, keys),
                searched));
      }
    }
    return new Pick(
        null,
        new Basis(
            Choice.NONE,
            null,
            "No OK message found near "
                + who
                + ": none of the nearest messages with events at "
                + scanHop
                + " (up to "
                + PER_STEP
                + " per window) was OK, so there is nothing healthy to compare with; name a message to"
                + " compare with instead.",
            searched));
  }

  /**
   * Where the subject stopped: the hop it is stuck at, else its first hop with evidence that did
   * not hand it on (failed, dead-lettered, in flight, unknown), else its furthest hop with events.
   */
  static int stopHop(Flow subject) {
    List<HopFlow> hops = subject.hops();
    if (subject.stuckAt() != null) {
      for (int i = 0; i < hops.size(); i++) {
        if (hops.get(i).hop().equals(subject.stuckAt()) && hops.get(i).firstSeen() != null) {
          return i;
        }
      }
    }
    int furthest = -1;
    for (int i = 0; i < hops.size(); i++) {
      HopFlow h = hops.get(i);
      if (h.firstSeen() == null) {
        continue;
      }
      furthest = i;
      if (h.verdict() != HopVerdict.OK && h.verdict() != HopVerdict.SLOW) {
        return i;
      }
    }
    if (furthest < 0) {
      throw new IllegalArgumentException("the message has no evidence to compare");
    }
    return furthest;
  }

  /** Reads the keys of hop {@code at} in {@code window}; true when {@link #MAX_KEYS} cut it. */
  private boolean scan(
      PathDef path, int at, TimeWindow window, Map<String, Instant> keys, Cancellation cancel) {
    for (EventSourceDef s : path.hops().get(at).sources()) {
      KeyScan scan =
          new KeyScan(
              List.of(s.index()),
              s.fields().messageIds().get(0),
              s.fields().timestamp(),
              s.fields().timestampFormat(),
              window,
              List.of(),
              List.of());
      try (EventSource.KeyCursor cursor = events.scan(scan, PAGE, cancel)) {
        for (List<KeyBucket> page = cursor.next(); !page.isEmpty(); page = cursor.next()) {
          for (KeyBucket b : page) {
            keys.merge(b.key(), b.first(), (x, y) -> x.isBefore(y) ? x : y);
            if (keys.size() >= MAX_KEYS) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static String searchedLine(
      PathDef path,
      int at,
      TimeWindow window,
      int keys,
      boolean capped,
      Map<HopVerdict, Integer> verdicts) {
    List<String> sources =
        path.hops().get(at).sources().stream().map(EventSourceDef::index).toList();
    StringBuilder b = new StringBuilder();
    b.append(path.hops().get(at).name())
        .append(" (")
        .append(String.join(", ", sources))
        .append(") from ")
        .append(window.from())
        .append(" to ")
        .append(window.to())
        .append(": ")
        .append(keys)
        .append(capped ? "+" : "")
        .append(keys == 1 ? " message" : " messages");
    if (!verdicts.isEmpty()) {
      int n = verdicts.values().stream().mapToInt(Integer::intValue).sum();
      List<String> parts = new ArrayList<>();
      verdicts.forEach((v, c) -> parts.add(c + " " + v.name()));
      b.append("; nearest ").append(n).append(" assembled: ").append(String.join(", ", parts));
    }
    return b.toString();
  }

  private static String chosenText(
      String id,
      String who,
      String scanHop,
      String stopHop,
      boolean sameHop,
      Flow found,
      Flow subject,
      Map<String, Instant> keys) {
    Instant at = keys.get(found.query());
    HopFlow stopped =
        subject.hops().stream().filter(h -> h.hop().equals(stopHop)).findFirst().orElseThrow();
    StringBuilder b = new StringBuilder(id).append(": the nearest OK message that reached ");
    b.append(scanHop);
    if (at != null) {
      b.append(" (")
          .append(relative(at, stopped.firstSeen()))
          .append(" ")
          .append(who)
          .append(sameHop ? " did" : " reached " + stopHop)
          .append(")");
    }
    HopFlow entryA = firstWithEvidence(subject);
    HopFlow entryB = entryA == null ? null : hopOf(found, entryA.hop());
    if (entryB != null && entryB.firstSeen() != null) {
      b.append("; it entered ")
          .append(entryA.hop())
          .append(" ")
          .append(relative(entryB.firstSeen(), entryA.firstSeen()))
          .append(" ")
          .append(who);
    }
    return b.append(".").toString();
  }

  /** "12.0 s before" / "3 m 05 s after" / "at the same time as". */
  private static String relative(Instant t, Instant reference) {
    long ms = Duration.between(reference, t).toMillis();
    if (ms == 0) {
      return "at the same time as";
    }
    return ComparisonWords.duration(ms) + (ms < 0 ? " before" : " after");
  }

  private static HopFlow firstWithEvidence(Flow f) {
    return f.hops().stream().filter(h -> h.firstSeen() != null).findFirst().orElse(null);
  }

  private static HopFlow hopOf(Flow f, String hop) {
    return f.hops().stream().filter(h -> h.hop().equals(hop)).findFirst().orElse(null);
  }

  private static long gap(Instant t, Instant anchor) {
    return Math.abs(Duration.between(anchor, t).toMillis());
  }
}
