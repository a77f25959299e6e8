package org.hopscope.ui.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.SourceException;
import org.hopscope.ui.flow.FlowViewModel.State;
import org.hopscope.ui.task.ManualTaskRunner;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;

class FlowViewModelTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<String> asked = new ArrayList<>();

  private static Flow flow(String id, HopVerdict verdict, Notice... notices) {
    return new Flow(
        "orders", id, List.of(id), verdict, null, List.of(), List.of(), List.of(notices));
  }

  @Test
  void searchShowsTheFlowAsOfTheWindowEnd() {
    FlowViewModel vm =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              asked.add(id + " " + w + " " + asOf);
              return flow(id, HopVerdict.STUCK);
            },
            new SynchronousTaskRunner(),
            clock);
    TimeWindow w = new TimeWindow(NOW.minusSeconds(3600), NOW.minusSeconds(60));
    vm.windowProperty().set(w);
    vm.queryProperty().set("  ord-1 ");
    vm.search();
    assertThat(asked).containsExactly("ord-1 " + w + " " + w.to());
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm.flowProperty().get().verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(vm.problemProperty().get()).isEmpty();
  }

  @Test
  void emptyQueryAsksForAnIdAndSearchesNothing() {
    FlowViewModel vm =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              asked.add(id);
              return flow(id, HopVerdict.OK);
            },
            new SynchronousTaskRunner(),
            clock);
    vm.queryProperty().set("   ");
    vm.search();
    assertThat(asked).isEmpty();
    assertThat(vm.stateProperty().get()).isEqualTo(State.IDLE);
    assertThat(vm.problemProperty().get())
        .isEqualTo("Type a message ID, an ERP document number or a trace ID.");
  }

  @Test
  void aNewerSearchCancelsTheOlderWhoseLateResultIsDropped() {
    ManualTaskRunner runner = new ManualTaskRunner();
    FlowViewModel vm =
        new FlowViewModel((id, w, asOf, c) -> flow(id, HopVerdict.OK), runner, clock);
    vm.queryProperty().set("ord-1");
    vm.search();
    vm.queryProperty().set("ord-2");
    vm.search();
    assertThat(runner.started.get(0).cancel.isCancelled()).isTrue();
    runner.started.get(1).complete();
    runner.started.get(0).complete();
    assertThat(vm.flowProperty().get().query()).isEqualTo("ord-2");
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
  }

  @Test
  void cancelKeepsWhatWasShownAndTheModelUsable() {
    ManualTaskRunner runner = new ManualTaskRunner();
    FlowViewModel vm =
        new FlowViewModel((id, w, asOf, c) -> flow(id, HopVerdict.OK), runner, clock);
    vm.queryProperty().set("ord-1");
    vm.search();
    runner.started.get(0).complete();
    vm.queryProperty().set("ord-2");
    vm.search();
    vm.cancel();
    assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
    assertThat(runner.started.get(1).cancel.isCancelled()).isTrue();
    runner.started.get(1).complete();
    assertThat(vm.flowProperty().get().query()).isEqualTo("ord-1");
    vm.search();
    runner.started.get(2).complete();
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm.flowProperty().get().query()).isEqualTo("ord-2");
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void partialResultsNameTheFailedSourceAndBackendFailuresAreShown() {
    FlowViewModel partial =
        new FlowViewModel(
            (id, w, asOf, c) ->
                flow(
                    id,
                    HopVerdict.OK,
                    new Notice.ClockSkew("a", "b", 5),
                    new Notice.MetricsUnavailable("Prometheus http://p:9090 is unreachable")),
            new SynchronousTaskRunner(),
            clock);
    partial.queryProperty().set("ord-1");
    partial.search();
    assertThat(partial.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(partial.partialProperty().get())
        .isEqualTo("metrics unavailable: Prometheus http://p:9090 is unreachable");
    assertThat(partial.notesProperty().get())
        .isEqualTo(
            "Clock skew: b was first seen 5 ms before a: their clocks disagree. The latency a → b"
                + " is shown as 0; times are as stored.");
    assertThat(partial.summaryProperty().get())
        .containsExactly(
            new FlowSummary.Line(FlowSummary.Kind.WARNING, partial.notesProperty().get()));

    FlowViewModel down =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              throw new SourceException(
                  "Elasticsearch",
                  SourceException.Kind.UNREACHABLE,
                  "Elasticsearch at http://es:9200 is unreachable",
                  null);
            },
            new SynchronousTaskRunner(),
            clock);
    down.queryProperty().set("ord-1");
    down.search();
    assertThat(down.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(down.problemProperty().get())
        .isEqualTo("Elasticsearch at http://es:9200 is unreachable");
    assertThat(down.flowProperty().get()).isNull();
  }

  @Test
  void noEvidenceIsItsOwnState() {
    FlowViewModel vm =
        new FlowViewModel(
            (id, w, asOf, c) -> flow(id, HopVerdict.NO_EVIDENCE),
            new SynchronousTaskRunner(),
            clock);
    vm.queryProperty().set("nope");
    vm.search();
    assertThat(vm.stateProperty().get()).isEqualTo(State.NO_EVIDENCE);
  }

  @Test
  void lastTookIsTheSearchsDurationOnTheInjectedClock() {
    Instant[] now = {NOW};
    Clock stepping =
        new Clock() {
          @Override
          public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            Instant t = now[0];
            now[0] = t.plusMillis(412);
            return t;
          }
        };
    FlowViewModel vm =
        new FlowViewModel(
            (id, w, asOf, c) -> flow(id, HopVerdict.OK), new SynchronousTaskRunner(), stepping);
    vm.windowProperty().set(new TimeWindow(NOW.minusSeconds(60), NOW));
    vm.queryProperty().set("ord-1");
    vm.search();
    assertThat(vm.lastTookProperty().get()).isEqualTo(java.time.Duration.ofMillis(412));
  }

  @Test
  void theSummaryOfAFlowIsWhatTheBannerSays() {
    FlowViewModel vm =
        new FlowViewModel(
            (id, w, asOf, c) -> FlowFixtures.journey(), new SynchronousTaskRunner(), clock);
    vm.queryProperty().set("ord-4711");
    vm.search();
    assertThat(vm.summaryProperty().get()).isEqualTo(FlowSummary.of(FlowFixtures.journey()));
    assertThat(vm.summaryProperty().get()).hasSize(6);
    assertThat(vm.notesProperty().get().lines())
        .containsExactlyElementsOf(
            vm.summaryProperty().get().stream().map(FlowSummary.Line::text).toList());
    assertThat(vm.partialProperty().get()).isEmpty();
  }

  @Test
  void withoutAShellOpeningAMemberAndALongerWindowSearchHere() {
    FlowViewModel vm =
        new FlowViewModel(
            (id, w, asOf, c) -> {
              asked.add(id + " " + w);
              return flow(id, HopVerdict.NO_EVIDENCE);
            },
            new SynchronousTaskRunner(),
            clock);
    vm.queryProperty().set("ord-1");
    vm.windowProperty().set(TimeWindow.ending(NOW, java.time.Duration.ofHours(1)));
    vm.search();
    vm.searchLast(java.time.Duration.ofDays(7));
    vm.open("SHP-903");
    TimeWindow week = TimeWindow.ending(NOW, java.time.Duration.ofDays(7));
    assertThat(asked)
        .containsExactly(
            "ord-1 " + TimeWindow.ending(NOW, java.time.Duration.ofHours(1)),
            "ord-1 " + week,
            "SHP-903 " + week);
    assertThat(vm.queryProperty().get()).isEqualTo("SHP-903");
  }
}
