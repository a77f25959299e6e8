package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.junit.jupiter.api.Test;

/** The flow view's pure logic: formatting, viewport math, lanes, density, re-keying, filtering. */
class FlowLogicTest {

  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  static FlowEvent event(String hop, long ms, Integer attempt, boolean failure, String... ids) {
    return new FlowEvent(
        hop,
        T0.plusMillis(ms),
        "logs-" + hop,
        hop + "-" + ms,
        failure ? "ERROR" : "INFO",
        "msg " + hop + " " + ms,
        "trace-1",
        null,
        hop,
        attempt,
        failure,
        false,
        List.of(ids),
        Map.of("ms", ms));
  }

  static HopFlow hop(String name, HopVerdict v, FlowEvent... events) {
    return new HopFlow(name, v, events.length, null, null, null, List.of(events));
  }

  @Test
  void latencyIsWrittenInTheLargestSensibleUnit() {
    assertThat(FlowFormat.latency(null)).isEqualTo("?");
    assertThat(FlowFormat.latency(0L)).isEqualTo("0 ms");
    assertThat(FlowFormat.latency(42L)).isEqualTo("42 ms");
    assertThat(FlowFormat.latency(999L)).isEqualTo("999 ms");
    assertThat(FlowFormat.latency(1_200L)).isEqualTo("1.2 s");
    assertThat(FlowFormat.latency(59_940L)).isEqualTo("59.9 s");
    assertThat(FlowFormat.latency(185_000L)).isEqualTo("3 m 05 s");
    assertThat(FlowFormat.latency(7_620_000L)).isEqualTo("2 h 07 m");
    assertThat(FlowFormat.events(100_000)).isEqualTo("100,000 events");
    assertThat(FlowFormat.events(1)).isEqualTo("1 event");
    assertThat(FlowFormat.window(T0, T0.plusSeconds(3 * 3600 + 61)))
        .isEqualTo("2026-01-01 10:00 – 13:01 UTC");
    assertThat(FlowFormat.window(T0, T0.plusSeconds(86_400)))
        .isEqualTo("2026-01-01 10:00 – 2026-01-02 10:00 UTC");
  }

  @Test
  void viewportMapsTimesToPixelsAndZoomsAroundTheAnchor() {
    TimelineViewport vp = new TimelineViewport();
    vp.setWidth(1000);
    vp.fit(0, 1000, 0.0);
    assertThat(vp.x(500)).isEqualTo(500.0);
    assertThat(vp.msPerPx()).isEqualTo(1.0);
    vp.zoom(250, 2.0);
    assertThat(vp.time(250)).isEqualTo(250.0);
    assertThat(vp.spanMs()).isEqualTo(500.0);
    assertThat(vp.startMs()).isEqualTo(125.0);
    vp.pan(100);
    assertThat(vp.startMs()).isEqualTo(75.0);
    vp.zoom(0, 1e9);
    assertThat(vp.spanMs()).isEqualTo(TimelineViewport.MIN_SPAN_MS);
    vp.zoom(0, 1e-9);
    assertThat(vp.spanMs()).isEqualTo(20_000.0);
  }

  @Test
  void tickStepsComeFromTheRoundSeries() {
    TimelineViewport vp = new TimelineViewport();
    vp.setWidth(1000);
    vp.fit(0, 60_000, 0.0);
    assertThat(vp.tickStepMs(100)).isEqualTo(10_000);
    vp.fit(0, 100, 0.0);
    assertThat(vp.tickStepMs(100)).isEqualTo(10);
  }

  @Test
  void laneSortsTimesAndFindsRangesByBinarySearch() {
    LaneIndex lane =
        new LaneIndex(
            "h",
            HopVerdict.OK,
            List.of(
                event("h", 30, 1, false),
                event("h", 10, 1, false),
                event("h", 20, 2, true),
                event("h", 20, 3, false)));
    assertThat(new long[] {lane.time(0), lane.time(1), lane.time(2), lane.time(3)})
        .containsExactly(
            T0.toEpochMilli() + 10,
            T0.toEpochMilli() + 20,
            T0.toEpochMilli() + 20,
            T0.toEpochMilli() + 30);
    long t = T0.toEpochMilli();
    assertThat(lane.lowerBound(t + 20)).isEqualTo(1);
    assertThat(lane.lowerBound(t + 21)).isEqualTo(3);
    assertThat(lane.lowerBound(t + 31)).isEqualTo(4);
    assertThat(lane.failures(0, 4)).isEqualTo(1);
    assertThat(lane.retries(0, 4)).isEqualTo(2);
    assertThat(lane.retries(3, 4)).isZero();
    assertThat(lane.nearest(t + 28, 5)).isEqualTo(3);
    assertThat(lane.nearest(t + 40, 5)).isEqualTo(-1);
    assertThat(lane.indexOf(lane.event(2))).isEqualTo(2);
  }

  @Test
  void densityPutsEveryEventInExactlyOneColumn() {
    List<FlowEvent> events = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      events.add(event("h", i / 100, i % 7 == 0 ? 2 : 1, i % 1000 == 0));
    }
    LaneIndex lane = new LaneIndex("h", HopVerdict.OK, events);
    int[] counts = new int[10];
    int[] failures = new int[10];
    int[] retries = new int[10];
    // 1,000 ms of events at 100 per ms, 10 columns of 100 ms each
    int max = lane.columns(T0.toEpochMilli(), 100, 10, counts, failures, retries);
    assertThat(max).isEqualTo(10_000);
    assertThat(Arrays.stream(counts).sum()).isEqualTo(100_000);
    assertThat(counts).containsOnly(10_000);
    assertThat(failures).containsOnly(10);
    assertThat(Arrays.stream(retries).sum()).isEqualTo(100_000 / 7 + 1);
    // a range holding only part of the events
    int[] c2 = new int[4];
    lane.columns(T0.toEpochMilli() + 995, 2, 4, c2, new int[4], new int[4]);
    assertThat(c2).containsExactly(200, 200, 100, 0);
  }

  @Test
  void idChangesAppearOnTheEdgeWhereTheMessageWasReKeyed() {
    List<HopFlow> hops =
        List.of(
            hop("gateway", HopVerdict.OK, event("gateway", 0, null, false, "ord-1")),
            hop("fulfilment", HopVerdict.OK, event("fulfilment", 5, 1, false, "ord-1")),
            hop("stuck-hop", HopVerdict.NO_EVIDENCE),
            hop("erp", HopVerdict.OK, event("erp", 9, 1, false, "ord-1", "4711")),
            hop("confirm", HopVerdict.OK, event("confirm", 12, null, false, "4711")));
    assertThat(IdChanges.of(hops)).containsExactly(null, null, "ord-1 -> 4711", null);
    assertThat(IdChanges.of(hops.subList(0, 1))).isEmpty();
    assertThat(IdChanges.compact("ord-1 -> 4711")).isEqualTo("→ 4711");
    assertThat(IdChanges.compact("ord-1, PAY-8 -> SHP-1, SHP-2, SHP-3")).isEqualTo("→ SHP-1 +2");
    assertThat(IdChanges.compact(null)).isNull();
  }

  @Test
  void arrowsMoveTheHopSelectionClampedToTheEnds() {
    List<String> hops = List.of("a", "b", "c");
    assertThat(HopNavigation.next(hops, null, 1)).isEqualTo("a");
    assertThat(HopNavigation.next(hops, null, -1)).isEqualTo("c");
    assertThat(HopNavigation.next(hops, "a", 1)).isEqualTo("b");
    assertThat(HopNavigation.next(hops, "a", -1)).isEqualTo("a");
    assertThat(HopNavigation.next(hops, "c", 1)).isEqualTo("c");
    assertThat(HopNavigation.next(List.of(), "c", 1)).isNull();
  }

  @Test
  void rowsAreOldestFirstAndTheFilterMatchesCaseInsensitiveSubstrings() {
    Flow flow =
        new Flow(
            "orders",
            "ord-1",
            List.of("ord-1"),
            HopVerdict.OK,
            null,
            List.of(
                hop(
                    "a",
                    HopVerdict.OK,
                    event("a", 0, null, false, "ord-1"),
                    event("a", 50, null, false, "ord-1")),
                hop("b", HopVerdict.ERROR, event("b", 20, 2, true, "ERP-4711"))),
            List.of(),
            List.of());
    List<FlowEvent> rows = EventFilter.rows(flow);
    assertThat(rows).extracting(FlowEvent::docId).containsExactly("a-0", "b-20", "a-50");
    assertThat(rows.stream().filter(EventFilter.matching("erp-47", null)))
        .extracting(FlowEvent::docId)
        .containsExactly("b-20");
    assertThat(rows.stream().filter(EventFilter.matching("error", null))).hasSize(1);
    assertThat(rows.stream().filter(EventFilter.matching("MSG A", null))).hasSize(2);
    assertThat(rows.stream().filter(EventFilter.matching("", "a"))).hasSize(2);
    assertThat(rows.stream().filter(EventFilter.matching("msg", "b"))).hasSize(1);
    assertThat(EventFilter.rows(null)).isEmpty();
  }
}
