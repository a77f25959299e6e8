package org.hopscope.model;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What changed: a stuck analysis' per-hop figures against the same figures of a baseline window
 * ({@link StuckBaseline}), in messages per minute, and the hop whose figures moved most. Computed
 * once below the faces (org.hopscope.correlate.StuckComparer); both faces show these words.
 *
 * @param baseline what the window is compared with
 * @param window the analysed window
 * @param baselineWindow the window compared with (same length)
 * @param unavailable why the baseline could not be read (then every hop is {@link
 *     Change#BASELINE_UNAVAILABLE}), or null when it was
 * @param hops one entry per hop, path order
 * @param marked the hop whose figures moved most, or null when none moved enough to say
 * @param markedFigure the figure that moved most at {@code marked}, or null
 * @param headline one line: "fulfilment-service: left/min -92 % vs the previous 50 min (..)", or
 *     why no hop is marked
 */
public record StuckComparison(
    StuckBaseline baseline,
    TimeWindow window,
    TimeWindow baselineWindow,
    String unavailable,
    List<HopChange> hops,
    String marked,
    String markedFigure,
    String headline) {

  /** The compared figures, in the order shown; names as in the JSON contract. */
  public static final List<String> FIGURES =
      List.of("entered", "left", "stuck", "failed", "deadLettered", "slow");

  /** A figure with fewer messages than this on both sides never marks a hop. */
  public static final long MIN_MESSAGES = 10;

  /** A figure that moved by less than this share ({@code |now - before| / max}) marks no hop. */
  public static final double MIN_MOVE = 0.2;

  /**
   * How far a figure moved: {@code |now - before| / max(now, before)} (0 = same, 1 = from or to
   * zero); 0 when either side is missing, when both sides have fewer than {@link #MIN_MESSAGES}
   * messages, or when it moved by less than {@link #MIN_MOVE}.
   */
  public static double moved(FigureChange f) {
    if (f.now() == null || f.before() == null) {
      return 0;
    }
    long most = Math.max(f.now(), f.before());
    if (most < MIN_MESSAGES) {
      return 0;
    }
    double moved = Math.abs(f.now() - f.before()) / (double) most;
    return moved < MIN_MOVE ? 0 : moved;
  }

  public StuckComparison {
    hops = List.copyOf(hops);
  }

  /** "the previous 50 min" / "the same 50 min a day earlier". */
  public String baselineWords() {
    return baseline.words(window);
  }

  /** The window's length in minutes (the divisor of every rate). */
  public double minutes() {
    return minutes(window.length());
  }

  static double minutes(Duration d) {
    return d.toMillis() / 60_000.0;
  }

  /** How one figure (or one hop as a whole) compares. */
  public enum Change {
    /** Read on both sides, different; {@link FigureChange#percent} says by how much. */
    CHANGED,
    /** Read on both sides, the same count. */
    UNCHANGED,
    /** Zero before, some now: no percentage can be given. */
    NEW,
    /** The baseline was read but nothing entered the hop in it. */
    NO_DATA_BEFORE,
    /** The baseline window (or this hop in it) could not be read. */
    BASELINE_UNAVAILABLE,
    /** The hop could not be read in the analysed window: its figures are unknown. */
    UNKNOWN;

    /** "changed", "no data before", "baseline unavailable", ... */
    public String words() {
      return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
  }

  /**
   * One hop's comparison.
   *
   * @param hop hop name
   * @param change {@link Change#UNKNOWN}, {@link Change#BASELINE_UNAVAILABLE}, {@link
   *     Change#NO_DATA_BEFORE}, else CHANGED when any figure differs, UNCHANGED when none does
   * @param figures one per {@link #FIGURES} entry
   */
  public record HopChange(String hop, Change change, List<FigureChange> figures) {

    public HopChange {
      figures = List.copyOf(figures);
    }

    /** Whether both windows were read at the hop (figures have counts on both sides). */
    public boolean compared() {
      return change == Change.CHANGED || change == Change.UNCHANGED;
    }

    public FigureChange figure(String name) {
      return figures.stream().filter(f -> f.figure().equals(name)).findFirst().orElseThrow();
    }
  }

  /**
   * One figure at one hop.
   *
   * @param figure one of {@link #FIGURES}
   * @param now the count in the analysed window, or null when unknown (hop unreadable)
   * @param before the count in the baseline window, or null when unavailable
   * @param change how they compare
   * @param percent (now - before) / before in percent when {@code change} is CHANGED, else null
   */
  public record FigureChange(String figure, Long now, Long before, Change change, Double percent) {

    /** "left/min", "dead-lettered/min". */
    public String label() {
      return (figure.equals("deadLettered") ? "dead-lettered" : figure) + "/min";
    }

    /** "-92 %", "+40 %", "0 %", "new", "no data before", "baseline unavailable", "unknown". */
    public String delta() {
      return switch (change) {
        case CHANGED -> percent(percent);
        case UNCHANGED -> "0 %";
        default -> change.words();
      };
    }

    /** "-92 %" / "+1,250 %"; a change that rounds to 0 keeps its sign ("-0.4 %"). */
    public static String percent(double p) {
      String sign = p > 0 ? "+" : "-";
      double a = Math.abs(p);
      if (a < 1) {
        return sign + String.format(Locale.ROOT, "%.1f", a) + " %";
      }
      return sign + String.format(Locale.ROOT, "%,.0f", a) + " %";
    }
  }

  /** A rate per minute for {@code count} in this comparison's window length: "44.2", "1,250". */
  public String rate(long count) {
    return rate(count / minutes());
  }

  /** "44.2", "0.0", "1,250". */
  public static String rate(double perMinute) {
    return perMinute >= 100
        ? String.format(Locale.ROOT, "%,.0f", perMinute)
        : String.format(Locale.ROOT, "%.1f", perMinute);
  }
}
