package org.hopscope.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckComparison.Change;
import org.hopscope.model.StuckComparison.FigureChange;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.junit.jupiter.api.Test;

/** The delta and marking rules of "what changed" (ADR 0024). */
class StuckComparerTest {

  private static final TimeWindow NOW =
      new TimeWindow(Instant.parse("2026-11-26T11:10:00Z"), Instant.parse("2026-11-26T12:00:00Z"));
  private static final TimeWindow BEFORE = StuckBaseline.PREVIOUS.of(NOW);
  private static final BlindSource UNREADABLE =
      new BlindSource("jaeger-span-*", BlindSource.Reason.NO_PRIVILEGE, "403 from Elasticsearch");

  private static StuckReport report(TimeWindow w, HopCounts... hops) {
    return new StuckReport(
        "orders", w, w.to(), List.of(hops), new StuckReport.Totals(0, 0, 0, 0), List.of());
  }

  private static HopCounts counts(String hop, long entered, long left, long stuck) {
    return new HopCounts(hop, entered, left, stuck, 0, 0, 0);
  }

  @Test
  void baselineWindowsHaveTheSameLength() {
    assertThat(BEFORE)
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2026-11-26T10:20:00Z"), Instant.parse("2026-11-26T11:10:00Z")));
    assertThat(StuckBaseline.DAY_EARLIER.of(NOW))
        .isEqualTo(
            new TimeWindow(
                Instant.parse("2026-11-25T11:10:00Z"), Instant.parse("2026-11-25T12:00:00Z")));
    assertThat(StuckBaseline.PREVIOUS.words(NOW)).isEqualTo("the previous 50 min");
    assertThat(StuckBaseline.DAY_EARLIER.words(NOW)).isEqualTo("the same 50 min a day earlier");
    assertThat(StuckBaseline.parse("1d")).isEqualTo(StuckBaseline.DAY_EARLIER);
  }

  @Test
  void marksTheHopWhoseFigureMovedMostAndSaysItPerMinute() {
    StuckComparison c =
        StuckComparer.compare(
            report(NOW, counts("a", 500, 500, 0), counts("b", 500, 40, 12), counts("c", 40, 40, 0)),
            StuckBaseline.PREVIOUS,
            BEFORE,
            report(
                BEFORE,
                counts("a", 500, 500, 0),
                counts("b", 500, 500, 0),
                counts("c", 500, 500, 0)),
            null);
    // b: left 500 -> 40 moved 0.92; stuck 0 -> 12 moved 1.0; c: entered/left 500 -> 40 moved 0.92
    assertThat(c.marked()).isEqualTo("b");
    assertThat(c.markedFigure()).isEqualTo("stuck");
    assertThat(c.headline()).isEqualTo("b: stuck/min new vs the previous 50 min (0.0 \u2192 0.2)");
    FigureChange left = c.hops().get(1).figure("left");
    assertThat(left.change()).isEqualTo(Change.CHANGED);
    assertThat(left.percent()).isEqualTo(-92.0);
    assertThat(left.delta()).isEqualTo("-92 %");
    assertThat(c.rate(left.now())).isEqualTo("0.8");
    assertThat(c.hops().get(0).change()).isEqualTo(Change.UNCHANGED);
    assertThat(c.hops().get(0).figure("entered").delta()).isEqualTo("0 %");
  }

  @Test
  void onATieTheEarlierHopIsMarked() {
    StuckComparison c =
        StuckComparer.compare(
            report(NOW, counts("a", 500, 500, 0), counts("b", 500, 40, 0), counts("c", 40, 40, 0)),
            StuckBaseline.PREVIOUS,
            BEFORE,
            report(
                BEFORE,
                counts("a", 500, 500, 0),
                counts("b", 500, 500, 0),
                counts("c", 500, 500, 0)),
            null);
    assertThat(c.marked()).isEqualTo("b");
    assertThat(c.markedFigure()).isEqualTo("left");
    assertThat(c.headline())
        .isEqualTo("b: left/min -92 % vs the previous 50 min (10.0 \u2192 0.8)");
  }

  @Test
  void zeroBaselineAtAHopIsNoDataBeforeNeverMinusOrInfinity() {
    StuckComparison c =
        StuckComparer.compare(
            report(NOW, counts("a", 300, 280, 9)),
            StuckBaseline.DAY_EARLIER,
            StuckBaseline.DAY_EARLIER.of(NOW),
            report(StuckBaseline.DAY_EARLIER.of(NOW), counts("a", 0, 0, 0)),
            null);
    assertThat(c.hops().get(0).change()).isEqualTo(Change.NO_DATA_BEFORE);
    assertThat(c.hops().get(0).figures())
        .allSatisfy(
            f -> {
              assertThat(f.change()).isEqualTo(Change.NO_DATA_BEFORE);
              assertThat(f.percent()).isNull();
              assertThat(f.delta()).isEqualTo("no data before");
            });
    assertThat(c.marked()).isNull();
    assertThat(c.headline())
        .isEqualTo(
            "No data before: nothing entered any readable hop in the same 50 min a day earlier");
  }

  @Test
  void aBaselineThatCouldNotBeReadIsUnavailableEverywhere() {
    StuckComparison c =
        StuckComparer.compare(
            report(NOW, counts("a", 300, 280, 9), counts("b", 280, 0, 0)),
            StuckBaseline.PREVIOUS,
            BEFORE,
            null,
            "Elasticsearch at http://es:9200 did not answer within 30 s");
    assertThat(c.unavailable())
        .isEqualTo("Elasticsearch at http://es:9200 did not answer within 30 s");
    assertThat(c.hops())
        .allSatisfy(
            h -> {
              assertThat(h.change()).isEqualTo(Change.BASELINE_UNAVAILABLE);
              assertThat(h.figures()).allSatisfy(f -> assertThat(f.before()).isNull());
            });
    assertThat(c.hops().get(1).figure("left").delta()).isEqualTo("baseline unavailable");
    assertThat(c.marked()).isNull();
    assertThat(c.headline())
        .isEqualTo(
            "Baseline unavailable (the previous 50 min): Elasticsearch at http://es:9200 did not"
                + " answer within 30 s");
  }

  @Test
  void aHopUnreadableNowIsUnknownAndOneUnreadableBeforeIsUnavailable() {
    HopCounts blindNow = new HopCounts("b", 0, 0, 0, 0, 0, 0, List.of(UNREADABLE));
    StuckComparison c =
        StuckComparer.compare(
            report(NOW, counts("a", 300, 300, 0), blindNow, counts("c", 300, 300, 0)),
            StuckBaseline.PREVIOUS,
            BEFORE,
            report(
                BEFORE,
                counts("a", 300, 300, 0),
                counts("b", 300, 300, 0),
                new HopCounts("c", 0, 0, 0, 0, 0, 0, List.of(UNREADABLE))),
            null);
    assertThat(c.hops().get(1).change()).isEqualTo(Change.UNKNOWN);
    assertThat(c.hops().get(1).figure("left").now()).isNull();
    assertThat(c.hops().get(1).figure("left").delta()).isEqualTo("unknown");
    assertThat(c.hops().get(2).change()).isEqualTo(Change.BASELINE_UNAVAILABLE);
    assertThat(c.hops().get(2).figure("left").now()).isEqualTo(300L);
    assertThat(c.hops().get(2).figure("left").before()).isNull();
    assertThat(c.marked()).isNull();
    assertThat(c.headline())
        .isEqualTo(
            "No hop's figures moved by 20 % or more vs the previous 50 min (figures of at least 10"
                + " messages)");
  }

  @Test
  void smallFiguresAndSmallMovesMarkNoHop() {
    StuckComparison c =
        StuckComparer.compare(
            report(NOW, counts("a", 100, 85, 3)),
            StuckBaseline.PREVIOUS,
            BEFORE,
            report(BEFORE, counts("a", 100, 100, 0)),
            null);
    // left moved 0.15 (< 0.2), stuck 0 -> 3 is fewer than 10 messages
    assertThat(c.hops().get(0).change()).isEqualTo(Change.CHANGED);
    assertThat(c.hops().get(0).figure("stuck").change()).isEqualTo(Change.NEW);
    assertThat(c.hops().get(0).figure("left").delta()).isEqualTo("-15 %");
    assertThat(c.marked()).isNull();
    assertThat(StuckComparison.FigureChange.percent(-0.4)).isEqualTo("-0.4 %");
    assertThat(StuckComparison.FigureChange.percent(1250)).isEqualTo("+1,250 %");
  }
}
