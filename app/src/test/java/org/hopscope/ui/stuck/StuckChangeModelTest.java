package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.hopscope.model.HopCounts;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.task.ManualTaskRunner;
import org.junit.jupiter.api.Test;

/** The stuck view's compare choice and the header that follows the picker (issue 14). */
class StuckChangeModelTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private static final TimeWindow HOUR = new TimeWindow(NOW.minusSeconds(3600), NOW);
  private static final TimeWindow SIX_HOURS = new TimeWindow(NOW.minusSeconds(6 * 3600), NOW);
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ManualTaskRunner runner = new ManualTaskRunner();
  private final List<String> compared = new ArrayList<>();

  private static StuckReport report(TimeWindow w) {
    return new StuckReport(
        "orders",
        w,
        w.to(),
        List.of(new HopCounts("fulfilment-service", 100, 90, 0, 0, 0, 0)),
        new StuckReport.Totals(0, 0, 0, 0),
        List.of());
  }

  private StuckViewModel vm() {
    StuckViewModel vm = new StuckViewModel((w, asOf, m, c) -> report(w), runner, clock);
    vm.changes()
        .compareWith(
            (r, b, c) -> {
              compared.add(r.window().length().toHours() + "h " + b.argument());
              if (b == StuckBaseline.DAY_EARLIER) {
                throw new IllegalStateException("index gone");
              }
              return org.hopscope.correlate.StuckComparer.compare(
                  r, b, b.of(r.window()), report(b.of(r.window())), null);
            });
    return vm;
  }

  @Test
  void theComparisonFollowsTheAnalysisAndTheChoiceWithoutAnalysingAgain() {
    StuckViewModel vm = vm();
    StuckChangeModel changes = vm.changes();
    vm.windowProperty().set(HOUR);
    changes.baselineProperty().set(StuckBaseline.PREVIOUS);
    assertThat(changes.statusProperty().get())
        .isEqualTo("The comparison follows when the analysis completes.");
    vm.analyze();
    runner.started.get(0).complete();
    assertThat(changes.statusProperty().get()).isEqualTo("Comparing with the previous 1 h\u2026");
    assertThat(changes.comparisonProperty().get()).isNull();
    runner.started.get(1).complete();
    StuckComparison c = changes.comparisonProperty().get();
    assertThat(c.baselineWindow())
        .isEqualTo(new TimeWindow(HOUR.from().minusSeconds(3600), HOUR.from()));
    assertThat(changes.statusProperty().get()).isEmpty();

    // another baseline compares the same analysis again; it failing says so, no comparison shown
    changes.baselineProperty().set(StuckBaseline.DAY_EARLIER);
    assertThat(changes.comparisonProperty().get()).isNull();
    runner.started.get(2).complete();
    assertThat(changes.statusProperty().get())
        .isEqualTo("Could not compare with the same 1 h a day earlier: index gone");
    assertThat(runner.started).hasSize(3); // no new analysis
    assertThat(compared).containsExactly("1h previous", "1h 1d");

    // off clears it; a new analysis cancels a comparison still running
    changes.baselineProperty().set(null);
    assertThat(changes.statusProperty().get()).isEmpty();
    changes.baselineProperty().set(StuckBaseline.PREVIOUS);
    vm.analyze();
    assertThat(runner.started.get(3).cancel.isCancelled()).isTrue();
    assertThat(changes.comparisonProperty().get()).isNull();
  }

  @Test
  void theWindowFollowsThePickerAndTheHeaderSaysWhichAnalysisIsShown() {
    StuckViewModel vm = vm();
    SimpleObjectProperty<TimeWindow> picker = new SimpleObjectProperty<>(HOUR);
    vm.windowSource(picker::get, picker);
    assertThat(vm.windowProperty().get()).isEqualTo(HOUR);
    vm.analyze();
    runner.started.get(0).complete();
    assertThat(StuckChangeHeader.staleWords(vm)).isEmpty();

    picker.set(SIX_HOURS);
    assertThat(vm.windowProperty().get()).isEqualTo(SIX_HOURS);
    assertThat(StuckChangeHeader.staleWords(vm))
        .isEqualTo(
            "Showing the analysis of today 02:00 \u2013 03:00 (1 h); press Analyse for yesterday"
                + " 21:00 \u2013 today 03:00 (6 h).");
    vm.analyze();
    assertThat(vm.analysedWindowProperty().get()).isEqualTo(SIX_HOURS);
    assertThat(StuckChangeHeader.staleWords(vm)).isEmpty();
  }

  @Test
  void aBaselineTheBackendCannotReadIsSaidNotZero() {
    StuckViewModel vm = new StuckViewModel((w, asOf, m, c) -> report(w), runner, clock);
    vm.changes()
        .compareWith(
            (r, b, c) ->
                org.hopscope.correlate.StuckComparer.compare(
                    r, b, b.of(r.window()), null, "Elasticsearch timed out"));
    vm.windowProperty().set(HOUR);
    vm.changes().baselineProperty().set(StuckBaseline.PREVIOUS);
    vm.analyze();
    runner.started.get(0).complete();
    runner.started.get(1).complete();
    StuckComparison c = vm.changes().comparisonProperty().get();
    assertThat(c.hops().get(0).change()).isEqualTo(StuckComparison.Change.BASELINE_UNAVAILABLE);
    assertThat(c.hops().get(0).figure("left").delta()).isEqualTo("baseline unavailable");
  }
}
