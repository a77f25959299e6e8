package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.HopVerdict;

/**
 * The verdict rules of docs/path-definitions.md, shared by the flow assembler and the stuck
 * analysis so both judge a message the same way. A failure at a hop is <em>recovered</em> when it
 * is not terminal and a later non-failure event at the hop (a later attempt) or evidence at a later
 * hop follows it. First match wins:
 *
 * <ol>
 *   <li>ERROR at the LAST hop with an unrecovered (or terminal) failure;
 *   <li>DEAD_LETTERED at the FIRST hop with a dead-letter event;
 *   <li>UNKNOWN at the first unreadable hop after the last hop with evidence (or anywhere, without
 *       evidence): the message may have gone on there;
 *   <li>NO_EVIDENCE without any evidence;
 *   <li>the last hop with evidence is not the path's last hop: STUCK there when {@code asOf - first
 *       > SLA}, else IN_FLIGHT;
 *   <li>SLOW at the first hop whose hand-over {@code first(k+1) - first(k)} exceeds its SLA;
 *   <li>OK.
 * </ol>
 *
 * <p>Per hop: the deciding hop carries the overall verdict; any other hop shows what happened there
 * (UNKNOWN when unreadable, ERROR / DEAD_LETTERED when its events say so, SLOW when its own
 * hand-over was late, else OK); hops without events are NO_EVIDENCE.
 */
final class VerdictRules {

  private VerdictRules() {}

  /**
   * A message's judgement.
   *
   * @param verdict overall verdict
   * @param hop index of the deciding hop, or -1 (OK, NO_EVIDENCE)
   * @param hops per hop verdict, path order
   */
  record Judgement(HopVerdict verdict, int hop, List<HopVerdict> hops) {}

  static Judgement judge(List<HopEvidence> path, Instant asOf) {
    int n = path.size();
    int lastPresent = -1;
    int failedAt = -1;
    int deadAt = -1;
    for (int k = 0; k < n; k++) {
      HopEvidence h = path.get(k);
      if (!h.present()) {
        continue;
      }
      lastPresent = k;
      if (h.deadLetter() && deadAt < 0) {
        deadAt = k;
      }
    }
    for (int k = 0; k < n; k++) {
      if (unrecovered(path, k, lastPresent)) {
        failedAt = k;
      }
    }
    int blindAfter = firstBlind(path, lastPresent + 1);
    HopVerdict verdict;
    int at;
    if (failedAt >= 0) {
      verdict = HopVerdict.ERROR;
      at = failedAt;
    } else if (deadAt >= 0) {
      verdict = HopVerdict.DEAD_LETTERED;
      at = deadAt;
    } else if (blindAfter >= 0 && lastPresent < n - 1) {
      verdict = HopVerdict.UNKNOWN;
      at = blindAfter;
    } else if (lastPresent < 0) {
      verdict = HopVerdict.NO_EVIDENCE;
      at = -1;
    } else if (lastPresent < n - 1) {
      at = lastPresent;
      verdict = overdue(path.get(at), asOf) ? HopVerdict.STUCK : HopVerdict.IN_FLIGHT;
    } else {
      at = firstSlow(path);
      verdict = at < 0 ? HopVerdict.OK : HopVerdict.SLOW;
    }
    List<HopVerdict> hops = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      hops.add(k == at ? verdict : local(path, k, lastPresent));
    }
    return new Judgement(verdict, at, hops);
  }

  /**
   * Whether hop {@code k} failed for good: a terminal failure, or a failure with neither a later
   * attempt at the hop nor evidence at a later hop ({@code lastPresent}: the last hop with any).
   */
  static boolean unrecovered(List<HopEvidence> path, int k, int lastPresent) {
    HopEvidence h = path.get(k);
    if (!h.present() || !h.failure()) {
      return false;
    }
    return h.terminal() || (lastPresent <= k && !h.retriedAfterFailure());
  }

  /** The last hop of {@code path} with evidence, or -1. */
  static int lastPresent(List<HopEvidence> path) {
    for (int k = path.size() - 1; k >= 0; k--) {
      if (path.get(k).present()) {
        return k;
      }
    }
    return -1;
  }

  /** Whether a message whose last evidence is {@code h} has been there longer than its SLA. */
  static boolean overdue(HopEvidence h, Instant asOf) {
    return h.sla() != null && Duration.between(h.first(), asOf).compareTo(h.sla()) > 0;
  }

  /** Whether the hand-over from hop {@code k} to {@code k + 1} exceeded hop k's SLA. */
  static boolean slowHandOver(List<HopEvidence> path, int k) {
    HopEvidence here = path.get(k);
    HopEvidence next = k + 1 < path.size() ? path.get(k + 1) : null;
    return here.present()
        && next != null
        && next.present()
        && here.sla() != null
        && Duration.between(here.first(), next.first()).compareTo(here.sla()) > 0;
  }

  /**
   * The worse of two verdicts, for a message judged by its parts: ERROR, DEAD_LETTERED, STUCK,
   * UNKNOWN, SLOW, IN_FLIGHT, OK, NO_EVIDENCE from worst to best.
   */
  static HopVerdict worse(HopVerdict a, HopVerdict b) {
    return rank(a) >= rank(b) ? a : b;
  }

  /**
   * Which of a split message's part judgements decides it: the worst verdict; among parts with the
   * same verdict, the last hop for ERROR (as for one message) and the earliest hop otherwise (the
   * part furthest behind).
   */
  static int deciding(List<Judgement> parts) {
    int best = 0;
    for (int p = 1; p < parts.size(); p++) {
      Judgement a = parts.get(best);
      Judgement b = parts.get(p);
      if (a.verdict() != b.verdict()) {
        if (worse(a.verdict(), b.verdict()) == b.verdict()) {
          best = p;
        }
      } else if (a.verdict() == HopVerdict.ERROR ? b.hop() > a.hop() : b.hop() < a.hop()) {
        best = p;
      }
    }
    return best;
  }

  private static int rank(HopVerdict v) {
    return switch (v) {
      case ERROR -> 7;
      case DEAD_LETTERED -> 6;
      case STUCK -> 5;
      case UNKNOWN -> 4;
      case SLOW -> 3;
      case IN_FLIGHT -> 2;
      case OK -> 1;
      case NO_EVIDENCE -> 0;
    };
  }

  private static int firstBlind(List<HopEvidence> path, int from) {
    for (int k = Math.max(0, from); k < path.size(); k++) {
      if (path.get(k).blind()) {
        return k;
      }
    }
    return -1;
  }

  private static int firstSlow(List<HopEvidence> path) {
    for (int k = 0; k + 1 < path.size(); k++) {
      if (slowHandOver(path, k)) {
        return k;
      }
    }
    return -1;
  }

  private static HopVerdict local(List<HopEvidence> path, int k, int lastPresent) {
    HopEvidence h = path.get(k);
    if (h.blind()) {
      return HopVerdict.UNKNOWN;
    }
    if (!h.present()) {
      return HopVerdict.NO_EVIDENCE;
    }
    if (unrecovered(path, k, lastPresent)) {
      return HopVerdict.ERROR;
    }
    if (h.deadLetter()) {
      return HopVerdict.DEAD_LETTERED;
    }
    return slowHandOver(path, k) ? HopVerdict.SLOW : HopVerdict.OK;
  }
}
