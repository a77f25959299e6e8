package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.StuckEstimate.Figure;
import org.hopscope.model.StuckEstimate.HopEstimate;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.SourceException;
import org.hopscope.ui.stuck.StuckViewModel.State;
import org.hopscope.ui.task.ManualTaskRunner;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The funnel's two stages in the view model: estimates first, then the exact report. */
class StuckEstimateStageTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private static final TimeWindow PAST =
      new TimeWindow(NOW.minusSeconds(3600), NOW.minusSeconds(600));
  private final ManualTaskRunner runner = new ManualTaskRunner();
  private final List<String> asked = new ArrayList<>();
  private boolean exactFails;
  private boolean estimateFails;

  private static StuckEstimate estimate(TimeWindow w) {
    return new StuckEstimate(
        "orders",
        w,
        w.to(),
        List.of(
            new HopEstimate(
                "fulfilment-service",
                Figure.of(1_000, 12, "HyperLogLog++, about 1.2 %"),
                Figure.of(900, 11),
                Figure.unknown("stuck needs the key scan for this source"),
                Figure.of(0, 0),
                Figure.of(3, 0),
                List.of())),
        List.of());
  }

  private static StuckReport report(TimeWindow w) {
    return new StuckReport(
        "orders",
        w,
        w.to(),
        List.of(new HopCounts("fulfilment-service", 1_004, 898, 96, 0, 3, 0)),
        new StuckReport.Totals(96, 0, 3, 0),
        List.of());
  }

  private StuckViewModel vm() {
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, found, c) -> {
              asked.add("exact " + asOf);
              found.accept(new StuckMessage("ord-1", "fulfilment-service", HopVerdict.STUCK, NOW));
              if (exactFails) {
                throw new SourceException(
                    "Elasticsearch",
                    SourceException.Kind.UNREACHABLE,
                    "Elasticsearch at http://es:9200 is unreachable",
                    null);
              }
              return report(w);
            },
            runner,
            Clock.fixed(NOW, ZoneOffset.UTC));
    vm.estimates()
        .estimateWith(
            (w, asOf, c) -> {
              asked.add("estimate " + asOf);
              if (estimateFails) {
                throw new IllegalStateException("the cardinality aggregation was rejected");
              }
              return estimate(w);
            });
    vm.windowProperty().set(PAST);
    return vm;
  }

  private ManualTaskRunner.Pending<?> estimateTask() {
    return runner.started.get(runner.started.size() - 2);
  }

  private ManualTaskRunner.Pending<?> exactTask() {
    return runner.started.get(runner.started.size() - 1);
  }

  @Test
  void theEstimateIsShownFirstThenTheExactReportReplacesIt() {
    StuckViewModel vm = vm();
    vm.analyze();
    assertThat(runner.started).hasSize(2); // both at once, through the runner
    assertThat(vm.estimates().statusProperty().get()).isEqualTo("Estimating per hop\u2026");
    estimateTask().complete();
    assertThat(asked).containsExactly("estimate " + PAST.to());
    assertThat(vm.estimates().estimateProperty().get()).isEqualTo(estimate(PAST));
    assertThat(vm.estimates().statusProperty().get()).isEmpty();
    assertThat(vm.reportProperty().get()).isNull();
    assertThat(vm.stateProperty().get()).isEqualTo(State.ANALYSING);
    // the figure that could not be estimated stays unknown, never 0
    Figure stuck = vm.estimates().estimateProperty().get().hops().get(0).stuck();
    assertThat(stuck.known()).isFalse();
    assertThat(stuck.why()).isEqualTo("stuck needs the key scan for this source");

    exactTask().complete();
    assertThat(vm.estimates().estimateProperty().get()).isNull();
    assertThat(vm.reportProperty().get()).isEqualTo(report(PAST));
    assertThat(vm.messages()).extracting(StuckMessage::id).containsExactly("ord-1");
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
  }

  @Test
  void theKeyScansWaitForTheEstimateToEnd() throws InterruptedException {
    StuckViewModel vm = vm();
    vm.analyze();
    // the exact task on a thread of its own, as the runner would run it
    Thread exact = new Thread(() -> exactTask().complete(), "exact");
    exact.start();
    try {
      WaitForAsyncUtils.waitFor(
          30,
          TimeUnit.SECONDS,
          () -> exact.getState() == Thread.State.TIMED_WAITING || !exact.isAlive());
    } catch (TimeoutException e) {
      throw new AssertionError("the exact task neither waited nor ended", e);
    }
    estimateTask().complete();
    exact.join(Duration.ofSeconds(30).toMillis());
    assertThat(exact.isAlive()).isFalse();
    assertThat(asked).containsExactly("estimate " + PAST.to(), "exact " + PAST.to());
    assertThat(vm.reportProperty().get()).isEqualTo(report(PAST));
  }

  @Test
  void anEstimateArrivingAfterTheExactReportIsNeverShown() {
    StuckViewModel vm = vm();
    vm.estimateGrace(Duration.ZERO); // the scans did not wait: the estimate took too long
    vm.analyze();
    exactTask().complete();
    assertThat(estimateTask().cancel.isCancelled()).isTrue();
    estimateTask().complete();
    assertThat(vm.estimates().estimateProperty().get()).isNull();
    assertThat(vm.estimates().statusProperty().get()).isEmpty();
    assertThat(vm.reportProperty().get()).isEqualTo(report(PAST));
  }

  @Test
  void aFailedEstimateSaysSoAndTheExactAnalysisGoesOn() {
    estimateFails = true;
    StuckViewModel vm = vm();
    vm.analyze();
    estimateTask().complete();
    assertThat(vm.estimates().estimateProperty().get()).isNull();
    assertThat(vm.estimates().statusProperty().get())
        .isEqualTo(
            "The estimate failed (the cardinality aggregation was rejected); the exact figures"
                + " follow when the scans complete.");
    assertThat(exactTask().cancel.isCancelled()).isFalse();
    assertThat(vm.stateProperty().get()).isEqualTo(State.ANALYSING);
    exactTask().complete();
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm.reportProperty().get()).isEqualTo(report(PAST));
    assertThat(vm.estimates().statusProperty().get()).isEmpty();
  }

  @Test
  void whenTheExactAnalysisFailsTheEstimateStaysAndIsNeverTakenForTheReport() {
    exactFails = true;
    StuckViewModel vm = vm();
    vm.analyze();
    estimateTask().complete();
    exactTask().complete();
    assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(vm.reportProperty().get()).isNull();
    assertThat(vm.estimates().estimateProperty().get()).isEqualTo(estimate(PAST));
    assertThat(vm.problemProperty().get())
        .isEqualTo("Elasticsearch at http://es:9200 is unreachable");
  }

  @Test
  void cancelCancelsBothStagesAndKeepsAnEstimateAlreadyShown() {
    StuckViewModel vm = vm();
    vm.analyze();
    estimateTask().complete();
    vm.cancel();
    assertThat(exactTask().cancel.isCancelled()).isTrue();
    assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
    assertThat(vm.estimates().estimateProperty().get()).isEqualTo(estimate(PAST));

    vm.analyze(); // a new analysis clears the old estimate
    assertThat(vm.estimates().estimateProperty().get()).isNull();
    vm.cancel();
    assertThat(estimateTask().cancel.isCancelled()).isTrue();
    assertThat(exactTask().cancel.isCancelled()).isTrue();
    estimateTask().complete();
    exactTask().complete();
    assertThat(vm.estimates().estimateProperty().get()).isNull();
    assertThat(vm.estimates().statusProperty().get()).isEmpty();
    assertThat(vm.reportProperty().get()).isNull();
    assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
  }

  @Test
  void withoutAnEstimatorThereIsNoEstimateStage() {
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, found, c) -> report(w), runner, Clock.fixed(NOW, ZoneOffset.UTC));
    vm.windowProperty().set(PAST);
    vm.analyze();
    assertThat(runner.started).hasSize(1);
    assertThat(vm.estimates().statusProperty().get()).isEmpty();
    exactTask().complete();
    assertThat(vm.reportProperty().get()).isEqualTo(report(PAST));
  }
}
