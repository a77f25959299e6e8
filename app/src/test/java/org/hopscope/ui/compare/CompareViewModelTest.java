package org.hopscope.ui.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Comparison;
import org.hopscope.model.Comparison.Basis;
import org.hopscope.model.Comparison.Choice;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.task.ManualTaskRunner;
import org.junit.jupiter.api.Test;

/** The compare view model with a runner that holds each task until the test finishes it. */
class CompareViewModelTest {

  private static final TimeWindow WINDOW =
      new TimeWindow(Instant.parse("2026-12-06T03:00:00Z"), Instant.parse("2026-12-06T06:00:00Z"));

  private final List<String> asked = new ArrayList<>();
  private final ManualTaskRunner runner = new ManualTaskRunner();
  private final CompareViewModel vm =
      new CompareViewModel(
          (id, with, w, asOf, c) -> {
            asked.add(id + " with " + with + " in " + w + " as of " + asOf);
            return comparison(id, with);
          },
          runner);

  private static Comparison comparison(String id, String with) {
    Flow subject =
        new Flow("orders", id, List.of(id), HopVerdict.STUCK, "b", List.of(), List.of(), List.of());
    if ("nobody".equals(with)) {
      return new Comparison(
          "orders", subject, null, new Basis(Choice.NONE, null, "none", List.of()), List.of());
    }
    String other = with == null ? "ord-ok" : with;
    Flow o =
        new Flow(
            "orders", other, List.of(other), HopVerdict.OK, null, List.of(), List.of(), List.of());
    return new Comparison(
        "orders",
        subject,
        o,
        new Basis(with == null ? Choice.NEAREST_OK : Choice.NAMED, other, other + ": x", List.of()),
        List.of());
  }

  @Test
  void comparesWithTheHealthyOneThenANamedOneInTheFlowsWindow() {
    Instant asOf = WINDOW.to();
    vm.compareWithHealthy("ord-1", WINDOW, asOf);
    assertThat(vm.stateProperty().get()).isEqualTo(CompareViewModel.State.COMPARING);
    assertThat(vm.progressProperty().get())
        .isEqualTo("Looking for an OK message near ord-1 and comparing…");
    finishOldest();
    assertThat(vm.stateProperty().get()).isEqualTo(CompareViewModel.State.DONE);
    assertThat(vm.progressProperty().get()).isEmpty();
    assertThat(vm.comparisonProperty().get().basis().otherId()).isEqualTo("ord-ok");

    vm.otherProperty().set("  ord-2 ");
    vm.compareWithNamed();
    assertThat(vm.progressProperty().get()).isEqualTo("Comparing ord-1 with ord-2…");
    finishOldest();
    assertThat(vm.comparisonProperty().get().basis().choice()).isEqualTo(Choice.NAMED);
    assertThat(asked)
        .containsExactly(
            "ord-1 with null in " + WINDOW + " as of " + asOf,
            "ord-1 with ord-2 in " + WINDOW + " as of " + asOf);
  }

  @Test
  void cancellingKeepsWhatWasShownAndTheCancelledAnswerNeverArrives() {
    vm.compareWithHealthy("ord-1", WINDOW, WINDOW.to());
    finishOldest();
    Comparison shown = vm.comparisonProperty().get();
    vm.otherProperty().set("ord-2");
    vm.compareWithNamed();
    vm.cancel();
    assertThat(vm.stateProperty().get()).isEqualTo(CompareViewModel.State.CANCELLED);
    assertThat(runner.started.get(1).cancel.isCancelled()).isTrue();
    finishOldest();
    assertThat(vm.comparisonProperty().get()).isSameAs(shown);
    assertThat(vm.stateProperty().get()).isEqualTo(CompareViewModel.State.CANCELLED);
  }

  @Test
  void noHealthyOneIsItsOwnStateAndABadNameIsRefusedWithoutAsking() {
    vm.compareWithHealthy("ord-1", WINDOW, WINDOW.to());
    finishOldest();
    vm.otherProperty().set("nobody");
    vm.compareWithNamed();
    finishOldest();
    assertThat(vm.stateProperty().get()).isEqualTo(CompareViewModel.State.NONE);

    vm.otherProperty().set("   ");
    vm.compareWithNamed();
    assertThat(vm.problemProperty().get())
        .isEqualTo("The message to compare with is empty: type its message ID.");
    assertThat(runner.started).hasSize(finished);
    assertThat(asked).hasSize(2);
  }

  /** Runs the oldest held task's work and delivers its result, as the FX runner would. */
  private void finishOldest() {
    runner.started.get(finished++).complete();
  }

  private int finished;
}
