package org.hopscope.correlate;

import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckComparison.Change;
import org.hopscope.model.StuckComparison.FigureChange;
import org.hopscope.model.StuckComparison.HopChange;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;

/**
 * The rules of "what changed" (docs/decisions/0024-what-changed-in-the-stuck-analysis.md): each
 * hop's figures against the baseline's, and the hop that moved most. Pure: both analyses are given.
 *
 * <p>A figure moved by {@code |now - before| / max(now, before)} (0 = same, 1 = from or to zero),
 * counted only when either side has at least {@link #MIN_MESSAGES} messages (a few messages more or
 * less is noise) and when it moved by at least {@link #MIN_MOVE}. The marked hop is the one with
 * the figure that moved most; on a tie, the one earlier on the path (a change at a hop also changes
 * what enters the hops after it).
 */
public final class StuckComparer {

  /** A figure with fewer messages than this on both sides never marks a hop. */
  public static final long MIN_MESSAGES = StuckComparison.MIN_MESSAGES;

  /** A figure that moved by less than this share ({@code |now - before| / max}) marks no hop. */
  public static final double MIN_MOVE = StuckComparison.MIN_MOVE;

  private StuckComparer() {}

  /**
   * Compares {@code now} with {@code before}.
   *
   * @param before the baseline window's analysis, or null when it could not be read
   * @param unavailable why {@code before} is null (names the backend and the problem); ignored
   *     otherwise
   */
  public static StuckComparison compare(
      StuckReport now,
      StuckBaseline baseline,
      TimeWindow baselineWindow,
      StuckReport before,
      String unavailable) {
    List<HopChange> hops = new ArrayList<>();
    String marked = null;
    String markedFigure = null;
    double best = 0;
    FigureChange bestFigure = null;
    for (int k = 0; k < now.hops().size(); k++) {
      HopCounts n = now.hops().get(k);
      HopCounts b = before == null ? null : before.hops().get(k);
      HopChange hop = hop(n, b);
      hops.add(hop);
      if (!hop.compared()) {
        continue;
      }
      for (FigureChange f : hop.figures()) {
        double moved = moved(f);
        if (moved > best + 1e-9) {
          best = moved;
          marked = hop.hop();
          markedFigure = f.figure();
          bestFigure = f;
        }
      }
    }
    StuckComparison draft =
        new StuckComparison(
            baseline,
            now.window(),
            baselineWindow,
            before == null ? unavailable : null,
            hops,
            marked,
            markedFigure,
            "");
    return new StuckComparison(
        baseline,
        now.window(),
        baselineWindow,
        draft.unavailable(),
        hops,
        marked,
        markedFigure,
        headline(draft, bestFigure));
  }

  /** One hop: UNKNOWN when unread now, unavailable or no data before, else figure by figure. */
  static HopChange hop(HopCounts now, HopCounts before) {
    long[] n = figures(now);
    long[] b = before == null ? null : figures(before);
    Change whole;
    if (!now.blind().isEmpty()) {
      whole = Change.UNKNOWN;
    } else if (before == null || !before.blind().isEmpty()) {
      whole = Change.BASELINE_UNAVAILABLE;
    } else if (before.entered() == 0) {
      whole = Change.NO_DATA_BEFORE;
    } else {
      whole = null; // compared figure by figure
    }
    List<FigureChange> figures = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < n.length; i++) {
      String name = StuckComparison.FIGURES.get(i);
      Long nowCount = whole == Change.UNKNOWN ? null : n[i];
      Long beforeCount = b == null || !before.blind().isEmpty() ? null : b[i];
      if (whole != null) {
        figures.add(new FigureChange(name, nowCount, beforeCount, whole, null));
        continue;
      }
      if (n[i] == b[i]) {
        figures.add(new FigureChange(name, n[i], b[i], Change.UNCHANGED, null));
      } else if (b[i] == 0) {
        any = true;
        figures.add(new FigureChange(name, n[i], b[i], Change.NEW, null));
      } else {
        any = true;
        double percent = 100.0 * (n[i] - b[i]) / b[i];
        figures.add(new FigureChange(name, n[i], b[i], Change.CHANGED, percent));
      }
    }
    return new HopChange(
        now.hop(), whole != null ? whole : any ? Change.CHANGED : Change.UNCHANGED, figures);
  }

  /** How far a compared figure moved ({@link StuckComparison#moved}). */
  static double moved(FigureChange f) {
    return StuckComparison.moved(f);
  }

  private static long[] figures(HopCounts c) {
    return new long[] {c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered(), c.slow()};
  }

  private static String headline(StuckComparison c, FigureChange f) {
    String vs = " vs " + c.baselineWords();
    if (c.unavailable() != null) {
      return "Baseline unavailable (" + c.baselineWords() + "): " + c.unavailable();
    }
    if (f == null) {
      boolean anyData = c.hops().stream().anyMatch(HopChange::compared);
      return anyData
          ? "No hop's figures moved by "
              + Math.round(MIN_MOVE * 100)
              + " % or more"
              + vs
              + " (figures of at least "
              + MIN_MESSAGES
              + " messages)"
          : "No data before: nothing entered any readable hop in " + c.baselineWords();
    }
    String from = c.rate(f.before());
    String to = c.rate(f.now());
    return c.marked()
        + ": "
        + f.label()
        + " "
        + (f.change() == Change.NEW ? "new" : f.delta())
        + vs
        + " ("
        + from
        + " \u2192 "
        + to
        + ")";
  }
}
