package org.hopscope.correlate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;

/**
 * The running per-hop counts of a stuck analysis, in messages, and the trouble messages it streams
 * out; the messages whose fate depends on an unreadable hop are only counted for a notice.
 */
final class StuckTally {

  private static final int ENTERED = 0;
  private static final int LEFT = 1;
  private static final int STUCK = 2;
  private static final int FAILED = 3;
  private static final int DEAD = 4;
  private static final int SLOW = 5;

  private final PathDef path;
  private final TimeWindow window;
  private final Consumer<StuckMessage> messages;
  private final long[][] counts;
  private final long[] unknown;
  private final List<List<BlindSource>> blind;

  StuckTally(PathDef path, TimeWindow window, Consumer<StuckMessage> messages) {
    this(path, window, messages, null);
  }

  /**
   * @param blind per hop its sources that cannot be read when that is all of them (its counts are
   *     then unknown), else empty; null: every hop readable
   */
  StuckTally(
      PathDef path,
      TimeWindow window,
      Consumer<StuckMessage> messages,
      List<List<BlindSource>> blind) {
    this.path = path;
    this.window = window;
    this.messages = messages;
    this.counts = new long[path.hops().size()][6];
    this.unknown = new long[path.hops().size()];
    this.blind =
        blind != null ? List.copyOf(blind) : Collections.nCopies(path.hops().size(), List.of());
  }

  /** Where the analysed window starts (the scans' look-back ends there). */
  Instant windowStart() {
    return window.from();
  }

  boolean inWindow(Instant t) {
    return t != null && window.contains(t);
  }

  void entered(int hop) {
    counts[hop][ENTERED]++;
  }

  void left(int hop) {
    counts[hop][LEFT]++;
  }

  /** Counts a message whose fate depends on unreadable hop {@code hop} (judged UNKNOWN there). */
  void unknown(int hop) {
    unknown[hop]++;
  }

  /**
   * Counts a message's class at its hop and streams it out when it is in trouble.
   *
   * @param id the message ID (or the hop's join key)
   * @param lastSeen its latest event at the hop
   */
  void judged(int hop, HopVerdict verdict, String id, Instant lastSeen) {
    int slot =
        switch (verdict) {
          case STUCK -> STUCK;
          case ERROR -> FAILED;
          case DEAD_LETTERED -> DEAD;
          case SLOW -> SLOW;
          default -> -1;
        };
    if (slot < 0) {
      return;
    }
    counts[hop][slot]++;
    if (slot != SLOW) {
      messages.accept(new StuckMessage(id, path.hops().get(hop).name(), verdict, lastSeen));
    }
  }

  StuckReport report(Instant asOf, List<Notice> notices) {
    List<HopCounts> hops = new ArrayList<>();
    long[] totals = new long[6];
    for (int k = 0; k < counts.length; k++) {
      long[] c = counts[k];
      hops.add(
          new HopCounts(
              path.hops().get(k).name(), c[0], c[1], c[2], c[3], c[4], c[5], blind.get(k)));
      for (int i = 0; i < 6; i++) {
        totals[i] += c[i];
      }
    }
    List<Notice> all = new ArrayList<>(notices);
    for (int k = 0; k < unknown.length; k++) {
      if (unknown[k] > 0) {
        all.add(new Notice.FateUnknown(path.hops().get(k).name(), unknown[k]));
      }
    }
    return new StuckReport(
        path.name(),
        window,
        asOf,
        hops,
        new StuckReport.Totals(totals[STUCK], totals[FAILED], totals[DEAD], totals[SLOW]),
        all);
  }
}
