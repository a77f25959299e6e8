package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.geometry.Rectangle2D;
import org.hopscope.model.EventSourceDef;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopVerdict;
import org.junit.jupiter.api.Test;

/**
 * The timeline's gap compression as a pure mapping (exact axis and x positions, the inverse, the
 * words), span bar geometry, hit-testing of bars and breaks, and the stuck label's clamping.
 */
class TimelineGapsTest {

  private static FlowEvent event(String hop, long ms, Long durationMs) {
    return new FlowEvent(
        hop,
        Instant.ofEpochMilli(ms),
        "i",
        hop + ms,
        null,
        "m",
        null,
        null,
        null,
        null,
        false,
        false,
        List.of("id"),
        Map.of(),
        durationMs == null ? EventSourceDef.Kind.LOG : EventSourceDef.Kind.SPAN,
        durationMs == null ? null : "span " + ms,
        durationMs == null ? null : Duration.ofMillis(durationMs),
        null);
  }

  /** A span [0, 100], a log at 200, a minute of nothing, a span [60 200, 60 300], a log 60 400. */
  private static final FlowEvent SPAN_A = event("a", 0, 100L);

  private static final FlowEvent LOG_A = event("a", 200, null);
  private static final FlowEvent SPAN_B = event("b", 60_200, 100L);
  private static final FlowEvent LOG_B = event("b", 60_400, null);
  private static final List<LaneIndex> LANES =
      List.of(
          new LaneIndex("a", HopVerdict.OK, List.of(SPAN_A, LOG_A)),
          new LaneIndex("b", HopVerdict.OK, List.of(SPAN_B, LOG_B)));

  @Test
  void aQuietMinuteBetweenActivityIsOneBreakOfATenthOfTheTimeShown() {
    TimelineGaps gaps = TimelineGaps.of(LANES);
    // shown without the minute: 60 400 - 60 000 = 400 ms; the break takes 10 % of it
    assertThat(gaps.breaks()).containsExactly(new TimelineGaps.Break(200, 60_200, 200, 240));
    assertThat(gaps.axis(0)).isEqualTo(0);
    assertThat(gaps.axis(200)).isEqualTo(200);
    assertThat(gaps.axis(30_200)).isEqualTo(220);
    assertThat(gaps.axis(60_200)).isEqualTo(240);
    assertThat(gaps.axis(60_300)).isEqualTo(340);
    assertThat(gaps.axis(60_400)).isEqualTo(440);
    for (double real : new double[] {0, 150, 200, 1_000, 30_200, 60_199, 60_200, 60_350, 90_000}) {
      assertThat(gaps.real(gaps.axis(real))).isCloseTo(real, within(1e-6));
    }
    assertThat(gaps.breakAt(220)).isEqualTo(gaps.breaks().get(0));
    assertThat(gaps.breakAt(250)).isNull();
  }

  @Test
  void theBreakSaysTheRealGapRoundedAndExactlyOnHover() {
    TimelineGaps.Break b = TimelineGaps.of(LANES).breaks().get(0);
    assertThat(b.gapMs()).isEqualTo(60_000);
    assertThat(b.label()).isEqualTo("≈ 1 min");
    assertThat(b.hoverText())
        .isEqualTo(
            "No events for 1 m 00 s (00:00:00.200 – 00:01:00.200 UTC), compressed on the timeline");
    assertThat(TimelineGaps.about(42_400)).isEqualTo("42 s");
    assertThat(TimelineGaps.about(8 * 60_000 + 10_000)).isEqualTo("8 min");
    assertThat(TimelineGaps.about(150 * 60_000)).isEqualTo("2.5 h");
    assertThat(TimelineGaps.about(3 * 3_600_000)).isEqualTo("3 h");
  }

  @Test
  void evenGapsShortGapsAndSpansCoveringAGapAreNotCompressed() {
    // three gaps of 10 s: none is longer than the rest together
    assertThat(
            TimelineGaps.of(
                    new long[] {0, 10_000, 20_000, 30_000}, new long[] {0, 10_000, 20_000, 30_000})
                .breaks())
        .isEmpty();
    // 4 s: below the 5 s floor however lonely
    assertThat(TimelineGaps.of(new long[] {0, 4_000}, new long[] {0, 4_000}).breaks()).isEmpty();
    // a 2-minute span runs through the quiet minute of the other lane
    assertThat(
            TimelineGaps.of(new long[] {0, 60_000, 1_000}, new long[] {0, 60_000, 121_000})
                .breaks())
        .isEmpty();
    // the longest first, while each is longer than the rest: 16 min, then 8 min, not 1 s
    TimelineGaps g =
        TimelineGaps.of(
            new long[] {0, 1_000, 481_000, 1_441_000}, new long[] {0, 1_000, 482_000, 1_441_000});
    assertThat(g.breaks())
        .extracting(TimelineGaps.Break::gapMs)
        .containsExactly(480_000L, 959_000L);
  }

  @Test
  void xPositionsOnAViewportFittedToTheCompressedAxis() {
    TimelineGaps gaps = TimelineGaps.of(LANES);
    TimelineViewport vp = new TimelineViewport();
    vp.setWidth(880);
    vp.fit(0, 440, 0, 0); // 440 axis ms on 880 px: 2 px per ms
    assertThat(vp.x(gaps.axis(SPAN_B.timestamp().toEpochMilli()))).isCloseTo(480, PX);
    assertThat(vp.x(gaps.axis(LOG_B.timestamp().toEpochMilli()))).isCloseTo(880, PX);
    assertThat(gaps.real(vp.time(440))).isCloseTo(30_200, PX);

    TimelineHits hits = new TimelineHits(LANES, gaps, vp, 28 + 2 * 40 + 4);
    double g = TimelinePainter.GUTTER;
    // lane height 40: lane a's middle at y 48, lane b's at 88
    assertRect(hits.barOf(SPAN_A), g, 38, 200, 20);
    assertRect(hits.barOf(SPAN_B), g + 480, 78, 200, 20);
    assertThat(hits.barOf(LOG_A)).isNull();
    assertThat(hits.eventAt(g + 100, 48)).isSameAs(SPAN_A); // the middle of the bar
    assertThat(hits.eventAt(g + 400, 48)).isSameAs(LOG_A); // the tick
    assertThat(hits.eventAt(g + 580, 88)).isSameAs(SPAN_B);
    assertThat(hits.eventAt(g + 440, 48)).isNull(); // inside the break
    assertThat(hits.breakAt(g + 440, 20)).isEqualTo(gaps.breaks().get(0));
    assertThat(hits.breakAt(g + 700, 20)).isNull();
  }

  private static final org.assertj.core.data.Offset<Double> PX = within(1e-6);

  private static void assertRect(Rectangle2D r, double x, double y, double w, double h) {
    assertThat(new double[] {r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight()})
        .containsExactly(new double[] {x, y, w, h}, PX);
  }

  @Test
  void aOneMillisecondSpanIsStillAFourPixelBar() {
    assertThat(TimelineMarks.bar(100, 100.5, 50, 20)).isEqualTo(new Rectangle2D(100, 45, 4, 10));
    assertThat(TimelineMarks.bar(100, 300, 50, 8)).isEqualTo(new Rectangle2D(100, 47, 200, 6));
  }

  @Test
  void theStuckLabelStaysInsideThePlot() {
    // fits right of the marker
    assertThat(TimelineOverlay.stuckLabel(300, 200, 14, 190, 1200, 100))
        .isEqualTo(new Rectangle2D(310, 93, 200, 14));
    // the marker near the right edge: the label ends 4 px inside it
    assertThat(TimelineOverlay.stuckLabel(1150, 200, 14, 190, 1200, 100).getMaxX()).isEqualTo(1196);
    // the marker far off to the right or the left: the label is still in [left, right]
    assertThat(TimelineOverlay.stuckLabel(9_000, 200, 14, 190, 1200, 100).getMinX()).isEqualTo(996);
    assertThat(TimelineOverlay.stuckLabel(-9_000, 200, 14, 190, 1200, 100).getMinX())
        .isEqualTo(194);
    assertThat(
            TimelineOverlay.stuckText(
                Instant.parse("2026-11-26T16:00:07.806Z"), Instant.parse("2026-11-26T16:40:19Z")))
        .isEqualTo("stuck since 16:00:07 UTC · 40 m 11 s");
    assertThat(TimelineOverlay.stuckText(Instant.parse("2026-11-26T16:00:07.806Z"), null))
        .isEqualTo("stuck since 16:00:07 UTC");
  }
}
