package org.hopscope.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hopscope.model.HopCounts;
import org.hopscope.model.PathDef;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckComparison.Change;
import org.hopscope.model.StuckComparison.FigureChange;
import org.hopscope.model.StuckComparison.HopChange;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.UiSandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * "What changed" against the recorded incident of the test sandbox: from {@code incidentStart} (now
 * - 50 min) ERP latency climbs and messages are dead-lettered at fulfilment-service, from now - 25
 * min they park there; before it the path is healthy. The analysed window's figures are the
 * manifest's ground truth; the baseline's are those of the same analysis run on the baseline window
 * on its own (the manifest records no ground truth judged as of an earlier time).
 */
@ExtendWith(SandboxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StuckComparisonSandboxTest {

  private Manifest manifest;
  private Instant now;
  private TimeWindow incident;
  private final PathDef path = UiSandbox.ordersPath();

  @BeforeAll
  void seeded(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    now = Instant.parse(manifest.now());
    incident = new TimeWindow(Instant.parse(manifest.incidentStart()), now);
  }

  @Test
  void incidentWindowAgainstThePreviousMarksFulfilmentWithTheManifestsFigures(TestSandbox sandbox) {
    try (Engine engine = UiSandbox.engine(sandbox)) {
      StuckReport report = engine.stuck(path, incident, now, m -> {}, Cancellation.none());
      StuckComparison c = engine.compare(path, report, StuckBaseline.PREVIOUS, Cancellation.none());

      TimeWindow before = new TimeWindow(incident.from().minus(incident.length()), incident.from());
      assertThat(c.baselineWindow()).isEqualTo(before);
      assertThat(c.unavailable()).isNull();
      StuckReport alone = engine.stuck(path, before, before.to(), m -> {}, Cancellation.none());
      assertThat(c.hops()).extracting(HopChange::hop).containsExactlyElementsOf(hopNames());
      for (int k = 0; k < c.hops().size(); k++) {
        HopChange hop = c.hops().get(k);
        Manifest.HopWindow truth = manifest.incidentWindow().hops().get(hop.hop());
        assertThat(nowCounts(hop))
            .as(hop.hop())
            .containsExactly(
                truth.entered(),
                truth.left(),
                truth.stuck(),
                truth.failed(),
                truth.deadLettered(),
                truth.slow());
        assertThat(beforeCounts(hop)).as(hop.hop()).containsExactly(counts(alone.hops().get(k)));
      }
      // healthy before the incident: nothing stuck or dead-lettered at fulfilment-service then
      HopChange fulfilment = c.hops().get(3);
      assertThat(fulfilment.figure("stuck").before()).isZero();
      assertThat(fulfilment.figure("deadLettered").before()).isZero();
      Manifest.HopWindow truth = manifest.incidentWindow().hops().get("fulfilment-service");
      assertThat(truth.stuck()).isGreaterThanOrEqualTo(10);
      assertThat(fulfilment.figure("stuck").change()).isEqualTo(Change.NEW);
      assertThat(c.marked()).isEqualTo("fulfilment-service");
      assertThat(c.markedFigure()).isIn("stuck", "deadLettered");
      FigureChange marked = fulfilment.figure(c.markedFigure());
      assertThat(c.headline())
          .isEqualTo(
              "fulfilment-service: "
                  + marked.label()
                  + " new vs the previous 50 min (0.0 \u2192 "
                  + StuckComparison.rate(marked.now() / 50.0)
                  + ")");
      FigureChange left = fulfilment.figure("left");
      assertThat(left.percent()).isEqualTo(100.0 * (truth.left() - left.before()) / left.before());
    }
  }

  @Test
  void lastTwentyMinutesAgainstThePreviousMarkFulfilmentToo(TestSandbox sandbox) {
    TimeWindow w = TimeWindow.ending(now, Duration.ofMinutes(20));
    try (Engine engine = UiSandbox.engine(sandbox)) {
      StuckReport report = engine.stuck(path, w, now, m -> {}, Cancellation.none());
      StuckComparison c = engine.compare(path, report, StuckBaseline.PREVIOUS, Cancellation.none());
      assertThat(c.marked()).isEqualTo("fulfilment-service");
      assertThat(c.headline())
          .startsWith("fulfilment-service: ")
          .contains(" vs the previous 20 min (");
      assertThat(c.hops().get(3).figure("left").percent()).isNegative();
    }
  }

  @Test
  void aDayEarlierHasNoDataAtAnyHopAndMarksNone(TestSandbox sandbox) {
    try (Engine engine = UiSandbox.engine(sandbox)) {
      StuckReport report = engine.stuck(path, incident, now, m -> {}, Cancellation.none());
      StuckComparison c =
          engine.compare(path, report, StuckBaseline.DAY_EARLIER, Cancellation.none());
      assertThat(c.baselineWindow())
          .isEqualTo(
              new TimeWindow(
                  incident.from().minus(Duration.ofDays(1)), now.minus(Duration.ofDays(1))));
      assertThat(c.hops())
          .allSatisfy(
              h -> {
                assertThat(h.change()).isEqualTo(Change.NO_DATA_BEFORE);
                assertThat(h.figures())
                    .allSatisfy(
                        f -> {
                          assertThat(f.percent()).isNull();
                          assertThat(f.delta()).isEqualTo("no data before");
                        });
              });
      assertThat(c.marked()).isNull();
      assertThat(c.headline())
          .isEqualTo(
              "No data before: nothing entered any readable hop in the same 50 min a day earlier");
    }
  }

  private List<String> hopNames() {
    return path.hops().stream().map(h -> h.name()).toList();
  }

  private static List<Long> nowCounts(HopChange hop) {
    return hop.figures().stream().map(FigureChange::now).toList();
  }

  private static List<Long> beforeCounts(HopChange hop) {
    return hop.figures().stream().map(FigureChange::before).toList();
  }

  private static Long[] counts(HopCounts c) {
    return new Long[] {c.entered(), c.left(), c.stuck(), c.failed(), c.deadLettered(), c.slow()};
  }
}
