package org.hopscope.correlate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.HopVerdict;

/**
 * The verdict rules of docs/sandbox-manifest.md, shared by the flow assembler and the window
 * analyzer so both judge a message the same way. First match wins:
 *
 * <ol>
 *   <li>ERROR at the LAST hop with a failure event;
 *   <li>DEAD_LETTERED at the FIRST hop with a dead-letter event;
 *   <li>the last hop with evidence is not the path's last hop: STUCK there when {@code asOf - first
 *       > SLA}, else IN_FLIGHT;
 *   <li>SLOW at the first hop whose hand-over {@code first(k+1) - first(k)} exceeds its SLA;
 *   <li>OK.
 * </ol>
 *
 * <p>Per hop: the deciding hop carries the overall verdict; any other hop with evidence shows what
 * happened there (ERROR / DEAD_LETTERED when its events say so, SLOW when its own hand-over was
 * late, else OK); hops without events are NO_EVIDENCE.
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
      if (h.failure()) {
        failedAt = k;
      }
      if (h.deadLetter() && deadAt < 0) {
        deadAt = k;
      }
    }
    HopVerdict verdict;
    int at;
    if (lastPresent < 0) {
      verdict = HopVerdict.NO_EVIDENCE;
      at = -1;
    } else if (failedAt >= 0) {
      verdict = HopVerdict.ERROR;
      at = failedAt;
    } else if (deadAt >= 0) {
      verdict = HopVerdict.DEAD_LETTERED;
      at = deadAt;
    } else if (lastPresent < n - 1) {
      at = lastPresent;
      verdict = overdue(path.get(at), asOf) ? HopVerdict.STUCK : HopVerdict.IN_FLIGHT;
    } else {
      at = firstSlow(path);
      verdict = at < 0 ? HopVerdict.OK : HopVerdict.SLOW;
    }
    List<HopVerdict> hops = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      hops.add(k == at ? verdict : local(path, k));
    }
    return new Judgement(verdict, at, hops);
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

  private static int firstSlow(List<HopEvidence> path) {
    for (int k = 0; k + 1 < path.size(); k++) {
      if (slowHandOver(path, k)) {
        return k;
      }
    }
    return -1;
  }

  private static HopVerdict local(List<HopEvidence> path, int k) {
    HopEvidence h = path.get(k);
    if (!h.present()) {
      return HopVerdict.NO_EVIDENCE;
    }
    if (h.failure()) {
      return HopVerdict.ERROR;
    }
    if (h.deadLetter()) {
      return HopVerdict.DEAD_LETTERED;
    }
    return slowHandOver(path, k) ? HopVerdict.SLOW : HopVerdict.OK;
  }
}
