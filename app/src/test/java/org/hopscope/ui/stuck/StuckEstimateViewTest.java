package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.Label;
import org.hopscope.model.BlindSource;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckEstimate.HopEstimate;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.FxHarness;
import org.hopscope.ui.stuck.StuckViewModel.State;
import org.hopscope.ui.task.ManualTaskRunner;
import org.junit.jupiter.api.Test;

/**
 * The estimate stage in a real window (xvfb-run), fed by fakes: known figures read "≈ value" over
 * "± bound", an unknown one "unknown", an unreadable hop names its source; the exact report then
 * replaces them all; a failed exact analysis leaves them labelled "estimates only".
 */
class StuckEstimateViewTest {

  private static final Path SHOTS = Path.of("target/screenshots");
  private static final Instant T = Instant.parse("2026-11-26T03:00:00Z");
  private static final TimeWindow W = new TimeWindow(T.minusSeconds(3000), T);
  private static final String HLL = "HyperLogLog++ (precision threshold 3,000): about ±1 %";

  private static StuckEstimate estimate() {
    return new StuckEstimate(
        "orders",
        W,
        T,
        List.of(
            new HopEstimate(
                "api-gateway",
                Figure.of(276_310, 2_763, HLL),
                Figure.of(276_004, 2_760, HLL),
                Figure.of(0, 0),
                Figure.of(0, 0),
                Figure.of(0, 0),
                List.of()),
            new HopEstimate(
                "fulfilment-service",
                Figure.of(266_120, 2_661, HLL),
                Figure.of(244_900, 2_449, HLL),
                Figure.unknown("stuck needs each message's next hop: the exact scan counts it"),
                Figure.of(1_210, 0),
                Figure.of(3_480, 35, HLL),
                List.of()),
            new HopEstimate(
                "carrier",
                Figure.unknown("unreadable"),
                Figure.unknown("unreadable"),
                Figure.unknown("unreadable"),
                Figure.unknown("unreadable"),
                Figure.unknown("unreadable"),
                List.of(
                    new BlindSource(
                        "logs-carrier-*", BlindSource.Reason.NO_INDEX, "no such index")))),
        List.of());
  }

  private static StuckReport exact() {
    return new StuckReport(
        "orders",
        W,
        T,
        List.of(
            new HopCounts("api-gateway", 276_402, 276_101, 0, 0, 0, 0),
            new HopCounts("fulfilment-service", 266_031, 244_870, 17_412, 1_207, 3_466, 52),
            new HopCounts(
                "carrier",
                0,
                0,
                0,
                0,
                0,
                0,
                List.of(
                    new BlindSource(
                        "logs-carrier-*", BlindSource.Reason.NO_INDEX, "no such index")))),
        new StuckReport.Totals(17_412, 1_207, 3_466, 52),
        List.of());
  }

  @Test
  void estimatesLookLikeEstimatesUntilTheExactFiguresReplaceThem() {
    ManualTaskRunner runner = new ManualTaskRunner();
    boolean[] fail = {false};
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, found, c) -> {
              if (fail[0]) {
                throw new IllegalStateException("Elasticsearch at http://es:9200 timed out");
              }
              return exact();
            },
            runner,
            Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC));
    vm.estimates().estimateWith((w, asOf, c) -> estimate());
    StuckView view = FxHarness.show(() -> new StuckView(vm, id -> {}), 1280, 800);
    FxHarness.runFx(
        () -> {
          vm.windowProperty().set(W);
          vm.analyze();
          runner.started.get(0).complete(); // the estimate; the exact analysis still runs
        });
    assertThat(FxHarness.onFx(() -> vm.stateProperty().get())).isEqualTo(State.ANALYSING);
    assertThat(text(view, "#funnel-1-entered")).isEqualTo("\u2248 266,120");
    assertThat(text(view, "#funnel-1-entered-bound")).isEqualTo("\u00b1 2,661");
    assertThat(text(view, "#funnel-1-stuck")).isEqualTo("unknown");
    assertThat(text(view, "#funnel-1-failed")).isEqualTo("\u2248 1,210");
    assertThat(text(view, "#funnel-1-failed-bound")).isEqualTo("\u00b1 0");
    assertThat(text(view, "#funnel-1-slow")).isEqualTo("\u2014");
    assertThat(text(view, "#funnel-2-unknown"))
        .isEqualTo("unknown - unreadable: logs-carrier-* (no index matches)");
    assertThat(FxHarness.onFx(() -> view.lookup("#funnel-worst"))).isNull();
    FxHarness.snapshot(view, SHOTS.resolve("stuck-estimate-known-1280-dark.png"));
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    FxHarness.snapshot(view, SHOTS.resolve("stuck-estimate-known-1280-light.png"));

    FxHarness.runFx(() -> runner.started.get(1).complete());
    assertThat(FxHarness.onFx(() -> vm.stateProperty().get())).isEqualTo(State.DONE);
    assertThat(FxHarness.onFx(() -> view.lookup("#funnel-estimate-note").isVisible())).isFalse();
    assertThat(text(view, "#funnel-1-entered")).isEqualTo("266,031");
    assertThat(text(view, "#funnel-1-stuck")).isEqualTo("17,412");
    assertThat(FxHarness.onFx(() -> view.lookup("#funnel-1-entered-bound"))).isNull();
    FxHarness.snapshot(view, SHOTS.resolve("stuck-estimate-replaced-1280-light.png"));

    fail[0] = true; // the exact analysis fails: the estimates stay, labelled as estimates only
    FxHarness.runFx(
        () -> {
          vm.analyze();
          runner.started.get(2).complete();
          runner.started.get(3).complete();
        });
    assertThat(FxHarness.onFx(() -> vm.stateProperty().get())).isEqualTo(State.FAILED);
    assertThat(text(view, "#funnel-estimate-note"))
        .isEqualTo(
            "Estimates only: the exact analysis failed (see above), so these figures were never"
                + " confirmed. Each figure is \u2248 value \u00b1 its error bound.");
    assertThat(text(view, "#funnel-1-entered")).isEqualTo("\u2248 266,120");
    FxHarness.runFx(
        () -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
    FxHarness.snapshot(view, SHOTS.resolve("stuck-estimate-only-1280-dark.png"));
  }

  @Test
  void theEndOfAnAnalysisBuildsTheExactFunnelOnceNotOncePerPropertyChanged() {
    ManualTaskRunner runner = new ManualTaskRunner();
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, found, c) -> exact(), runner, Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC));
    vm.estimates().estimateWith((w, asOf, c) -> estimate());
    StuckView view = FxHarness.show(() -> new StuckView(vm, id -> {}), 1280, 800);
    javafx.scene.Node[] builtWithTheReport = {null};
    FxHarness.runFx(
        () -> {
          // after the view's own listener: the funnel the report built
          vm.reportProperty()
              .addListener((o, was, r) -> builtWithTheReport[0] = view.lookup("#funnel-1-entered"));
          vm.windowProperty().set(W);
          vm.analyze();
          runner.started.get(0).complete(); // the estimate
          runner.started.get(1).complete(); // the exact report, then the state DONE
        });
    assertThat(FxHarness.onFx(() -> vm.stateProperty().get())).isEqualTo(State.DONE);
    assertThat(text(view, "#funnel-1-entered")).isEqualTo("266,031");
    assertThat(FxHarness.onFx(() -> view.lookup("#funnel-1-entered")))
        .isNotNull()
        .isSameAs(builtWithTheReport[0]);
  }

  private static String text(StuckView view, String id) {
    return FxHarness.onFx(() -> ((Label) view.lookup(id)).getText());
  }
}
