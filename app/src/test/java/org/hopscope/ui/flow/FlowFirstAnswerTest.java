package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.ui.flow.FlowViewModel.State;
import org.hopscope.ui.task.ManualTaskRunner;
import org.junit.jupiter.api.Test;

/** A search's first answer in the view model: shown, never taken for the answer. */
class FlowFirstAnswerTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final ManualTaskRunner runner = new ManualTaskRunner();
  private final List<String> seen = new ArrayList<>();

  private static Flow flow(String id, HopVerdict verdict, Notice... notices) {
    return new Flow(
        "orders", id, List.of(id), verdict, null, List.of(), List.of(), List.of(notices));
  }

  private static final Notice READING =
      new Notice.StillReading("fulfilment-service", "logs-fulfilment-*", 1_000, 100_002);

  /** A view model whose searches hand on {@code first}, then do {@code then}. */
  private FlowViewModel model(Flow first, Runnable then, Flow whole) {
    FlowViewModel[] vm = new FlowViewModel[1];
    vm[0] =
        new FlowViewModel(
            (FlowViewModel.StagedFlowSearch)
                (id, w, asOf, c, early) -> {
                  early.accept(first);
                  seen.add(
                      vm[0].stateProperty().get()
                          + " shown "
                          + vm[0].shownProperty().get().query()
                          + " answer "
                          + (vm[0].flowProperty().get() == null
                              ? null
                              : vm[0].flowProperty().get().query())
                          + " banner "
                          + vm[0].summaryProperty().get().stream()
                              .map(FlowSummary.Line::text)
                              .toList());
                  then.run();
                  return whole;
                },
            runner,
            clock);
    return vm[0];
  }

  private void answered(FlowViewModel vm, String id) {
    vm.queryProperty().set(id);
    vm.search();
    runner.started.get(runner.started.size() - 1).complete();
  }

  @Test
  void theFirstAnswerIsShownWhileSearchingAndTheWholeOneReplacesIt() {
    Flow first = flow("ord-1", HopVerdict.UNKNOWN, READING);
    FlowViewModel vm = model(first, () -> {}, flow("ord-1", HopVerdict.STUCK));
    answered(vm, "ord-1");
    assertThat(seen)
        .containsExactly(
            "SEARCHING shown ord-1 answer null banner [Fulfilment-service: 1,000 of 100,002 events"
                + " in logs-fulfilment-* read so far; no verdict until all are read]");
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm.flowProperty().get().verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(vm.shownProperty().get()).isSameAs(vm.flowProperty().get());
    assertThat(vm.summaryProperty().get()).isEmpty();
  }

  @Test
  void aFailedSearchPutsTheLastAnswerBackOnScreen() {
    Flow ok = flow("ord-0", HopVerdict.OK);
    FlowViewModel vm =
        model(
            flow("ord-1", HopVerdict.UNKNOWN, READING),
            () -> {
              throw new IllegalStateException("Elasticsearch at http://es:9200 did not answer");
            },
            null);
    vm.showSnapshot(ok);
    answered(vm, "ord-1");
    assertThat(seen).singleElement().asString().startsWith("SEARCHING shown ord-1 answer ord-0");
    assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(vm.shownProperty().get()).isSameAs(ok);
    assertThat(vm.flowProperty().get()).isSameAs(ok);
    assertThat(vm.summaryProperty().get()).isEmpty();
  }

  @Test
  void aCancelledSearchPutsTheLastAnswerBackOnScreen() {
    FlowViewModel[] vm = new FlowViewModel[1];
    vm[0] =
        model(
            flow("ord-1", HopVerdict.UNKNOWN, READING),
            () -> vm[0].cancel(),
            flow("ord-1", HopVerdict.OK));
    answered(vm[0], "ord-1");
    assertThat(seen).singleElement().asString().startsWith("SEARCHING shown ord-1 answer null");
    assertThat(vm[0].stateProperty().get()).isEqualTo(State.CANCELLED);
    assertThat(vm[0].shownProperty().get()).isNull();
    assertThat(vm[0].flowProperty().get()).isNull();
    assertThat(vm[0].summaryProperty().get()).isEmpty();
  }
}
