package org.hopscope.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.Flow;
import org.hopscope.model.FlowEvent;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.ui.FxHarness;
import org.junit.jupiter.api.Test;

/** The bench's measurement code runs on a tiny flow (figures are printed, never asserted). */
class UiBenchRunTest {

  private static Flow tinyFlow() {
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    List<HopFlow> hops = new ArrayList<>();
    for (int h = 0; h < 3; h++) {
      List<FlowEvent> events = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        events.add(
            new FlowEvent(
                "hop-" + h,
                t0.plusMillis(h * 100L + i),
                "logs",
                "d" + h + "-" + i,
                "INFO",
                "event " + i,
                "t",
                null,
                "svc",
                i % 5 == 0 ? 2 : 1,
                i == 7,
                false,
                List.of("ord-1"),
                Map.of("i", i)));
      }
      hops.add(new HopFlow("hop-" + h, HopVerdict.OK, 1, null, null, 10L, events));
    }
    return new Flow(
        "orders", "ord-1", List.of("ord-1"), HopVerdict.OK, null, hops, List.of(), List.of());
  }

  @Test
  void measuresOpeningAndFramesOfATinyFlow() {
    UiBenchRun run = UiBenchRun.show(FxHarness.stage(), 900, 600);
    long empty = run.open(UiBench.withoutEvents(tinyFlow()));
    long open = run.open(tinyFlow());
    UiBenchRun.Frames frames = run.frames(Duration.ofMillis(400), true);

    assertThat(empty).isPositive();
    assertThat(open).isPositive();
    assertThat(FxHarness.onFx(() -> run.view().drawnProperty().get())).isTrue();
    assertThat(FxHarness.onFx(() -> run.view().events().table().getItems().size())).isEqualTo(150);
    assertThat(frames.interval().count()).isPositive();
    assertThat(UiBenchRun.heapAfterGc())
        .isPositive()
        .isLessThanOrEqualTo(Runtime.getRuntime().totalMemory());
    assertThat(frames.work().count()).isPositive();
    assertThat(frames.redraw().count()).isPositive();
    assertThat(frames.redraw().p99Ms()).isGreaterThanOrEqualTo(frames.redraw().medianMs());
  }

  @Test
  void statsUseNearestRankPercentiles() {
    long[] nanos = new long[100];
    for (int i = 0; i < 100; i++) {
      nanos[i] = (100 - i) * 1_000_000L;
    }
    FrameStats s = FrameStats.of(nanos);
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.medianMs()).isEqualTo(50.0);
    assertThat(s.p99Ms()).isEqualTo(99.0);
    assertThat(s.maxMs()).isEqualTo(100.0);
    assertThat(FrameStats.of(new long[0]).count()).isZero();
  }
}
