package org.hopscope.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The stuck funnel's first stage: per-hop estimates, the exact analysis' rules run on a hash sample
 * of the message IDs (ADR 0035), answered within seconds and replaced by the exact {@link
 * StuckReport} when its scans complete. Counted as the exact analysis counts ({@link HopCounts}):
 * messages whose first event at the hop lies in the window.
 *
 * @param path path name
 * @param window the window the figures are for
 * @param asOf analysis time for "past the SLA"
 * @param hops one entry per hop, path order
 * @param notices what the user must know (unreadable sources, approximations)
 */
public record StuckEstimate(
    String path, TimeWindow window, Instant asOf, List<HopEstimate> hops, List<Notice> notices) {

  public StuckEstimate {
    hops = List.copyOf(hops);
    notices = List.copyOf(notices);
  }

  /**
   * Per hop; a hop whose sources are all blind has every figure unknown and names them.
   *
   * @param hop hop name
   * @param entered messages whose first event at the hop lies in the window
   * @param left of those, the ones that reached the next hop
   * @param stuck of those, not at the next hop, past the SLA, not failed or dead-lettered
   * @param failed of those, with an unrecovered or terminal failure at the hop
   * @param deadLettered of those, dead-lettered at the hop
   * @param blind the hop's sources that could not be read when that is all of them, else empty
   */
  /** Whether any figure of any hop could be estimated. */
  public boolean anyKnown() {
    return hops.stream().flatMap(h -> h.figures().stream()).anyMatch(Figure::known);
  }

  public record HopEstimate(
      String hop,
      Figure entered,
      Figure left,
      Figure stuck,
      Figure failed,
      Figure deadLettered,
      List<BlindSource> blind) {

    public HopEstimate {
      Objects.requireNonNull(entered, "entered");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(stuck, "stuck");
      Objects.requireNonNull(failed, "failed");
      Objects.requireNonNull(deadLettered, "deadLettered");
      blind = List.copyOf(blind);
    }

    /** The five figures in funnel order: entered, left, stuck, failed, dead-lettered. */
    public List<Figure> figures() {
      return List.of(entered, left, stuck, failed, deadLettered);
    }
  }

  /**
   * An estimate: {@code value ± bound} messages. {@code known == false}: it could not be estimated
   * ({@code why} says why; {@code value} and {@code bound} are then 0 and mean nothing). A known
   * figure's {@code why} says what its bound is (e.g. HyperLogLog++ error, exact below the
   * precision threshold), or is null.
   */
  public record Figure(long value, long bound, boolean known, String why) {

    public Figure {
      if (known && (value < 0 || bound < 0)) {
        throw new IllegalArgumentException(
            "an estimate is never negative: " + value + " ± " + bound);
      }
      if (!known && (why == null || why.isBlank())) {
        throw new IllegalArgumentException("an unknown figure says why");
      }
    }

    /** A figure that could not be estimated, and why. */
    public static Figure unknown(String why) {
      return new Figure(0, 0, false, why);
    }

    /** {@code v ± bound} messages. */
    public static Figure of(long v, long bound) {
      return new Figure(v, bound, true, null);
    }

    /** {@code v ± bound} messages, {@code basis} saying what the bound is. */
    public static Figure of(long v, long bound, String basis) {
      return new Figure(v, bound, true, basis);
    }

    /**
     * For people: {@code 12,345 ± 67} messages ({@code 12,345} when the bound is 0), or {@code
     * unknown}.
     */
    public String text() {
      if (!known) {
        return "unknown";
      }
      return bound == 0
          ? String.format(java.util.Locale.ROOT, "%,d", value)
          : String.format(java.util.Locale.ROOT, "%,d ± %,d", value, bound);
    }

    /** Whether {@code exact} lies within {@code value ± bound} (false when unknown). */
    public boolean holds(long exact) {
      return known && Math.abs(exact - value) <= bound;
    }
  }
}
