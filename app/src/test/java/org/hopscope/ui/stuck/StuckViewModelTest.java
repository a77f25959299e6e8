package org.hopscope.ui.stuck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hopscope.faults.Fault;
import org.hopscope.model.HopCounts;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.SourceException;
import org.hopscope.ui.stuck.StuckViewModel.State;
import org.hopscope.ui.task.ManualTaskRunner;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.junit.jupiter.api.Test;

class StuckViewModelTest {

  private static final Instant NOW = Instant.parse("2026-11-26T03:00:00Z");
  private static final TimeWindow PAST =
      new TimeWindow(NOW.minusSeconds(3600), NOW.minusSeconds(600));
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final List<String> asked = new ArrayList<>();

  private static StuckMessage stuck(String id) {
    return new StuckMessage(id, "fulfilment-service", HopVerdict.STUCK, NOW.minusSeconds(900));
  }

  private static StuckReport report(TimeWindow w, Instant asOf, long stuck) {
    return new StuckReport(
        "orders",
        w,
        asOf,
        List.of(new HopCounts("fulfilment-service", 100, 90, stuck, 0, 0, 0)),
        new StuckReport.Totals(stuck, 0, 0, 0),
        List.of());
  }

  /** A clock 250 ms later at every reading: each message found is its own batch. */
  private static Clock everyReadingLater() {
    HandClock c = new HandClock();
    c.step = 250;
    return c;
  }

  /** Analyses {@link #PAST} and lets that (first) analysis run to its end. */
  private static void analysePastToTheEnd(StuckViewModel vm, ManualTaskRunner runner) {
    vm.windowProperty().set(PAST);
    vm.analyze();
    runner.started.get(runner.started.size() - 1).complete();
  }

  /** A clock the test moves by hand (milliseconds since {@link #NOW}). */
  private static final class HandClock extends Clock {
    long millis;
    long step; // added after every reading

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      Instant now = NOW.plusMillis(millis);
      millis += step;
      return now;
    }
  }

  @Test
  void messagesArriveInCoalescedBatchesTheFirstAtOnceThenAtMostEvery200Ms() {
    HandClock hand = new HandClock();
    List<String> seenWhileStreaming = new ArrayList<>();
    List<Integer> changeSizes = new ArrayList<>();
    StuckViewModel[] vm = new StuckViewModel[1];
    vm[0] =
        new StuckViewModel(
            (w, asOf, publish, c) -> {
              asked.add(w + " " + asOf);
              long[] at = {0, 50, 120, 200, 260, 330};
              for (int i = 0; i < at.length; i++) {
                hand.millis = at[i];
                publish.accept(stuck("ord-" + i));
                seenWhileStreaming.add(
                    at[i]
                        + " ms: "
                        + vm[0].messages().size()
                        + " "
                        + vm[0].progressProperty().get());
              }
              hand.millis = 1_000;
              return report(w, asOf, 6);
            },
            new SynchronousTaskRunner(),
            hand,
            false); // the batches are counted exactly: no timer flush on a slow machine
    vm[0]
        .messages()
        .addListener(
            (javafx.collections.ListChangeListener<StuckMessage>)
                c -> {
                  while (c.next()) {
                    changeSizes.add(c.getAddedSize());
                  }
                });
    vm[0].windowProperty().set(PAST);
    vm[0].analyze();
    assertThat(asked).containsExactly(PAST + " " + PAST.to());
    assertThat(seenWhileStreaming)
        .containsExactly(
            "0 ms: 1 1 stuck/failed found so far",
            "50 ms: 1 1 stuck/failed found so far",
            "120 ms: 1 1 stuck/failed found so far",
            "200 ms: 4 4 stuck/failed found so far",
            "260 ms: 4 4 stuck/failed found so far",
            "330 ms: 4 4 stuck/failed found so far");
    // one list change per batch: the first message, the 200 ms batch, the rest at the end
    assertThat(changeSizes).containsExactly(1, 3, 2);
    assertThat(vm[0].messages())
        .extracting(StuckMessage::id)
        .containsExactly("ord-0", "ord-1", "ord-2", "ord-3", "ord-4", "ord-5");
    assertThat(vm[0].stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm[0].reportProperty().get()).isEqualTo(report(PAST, PAST.to(), 6));
    assertThat(vm[0].progressProperty().get())
        .isEqualTo("6 stuck, 0 failed, 0 dead-lettered \u00b7 took 1.0 s");
    assertThat(vm[0].analysedWindowProperty().get()).isEqualTo(PAST);
  }

  @Test
  void aWindowEndingInTheFutureIsAnalysedAsOfNowAndLastTookIsMeasured() {
    Clock ticking = Clock.offset(clock, Duration.ZERO);
    Instant[] now = {NOW};
    Clock stepping =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    TimeWindow future = new TimeWindow(NOW.minusSeconds(3600), NOW.plusSeconds(600));
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, publish, c) -> {
              asked.add(w + " " + asOf);
              now[0] = now[0].plusMillis(1_450);
              return report(w, asOf, 0);
            },
            new SynchronousTaskRunner(),
            stepping);
    vm.windowProperty().set(future);
    vm.analyze();
    assertThat(ticking.instant()).isEqualTo(NOW);
    assertThat(asked).containsExactly(future + " " + NOW);
    assertThat(vm.lastTookProperty().get()).isEqualTo(Duration.ofMillis(1_450));
    assertThat(vm.progressProperty().get())
        .isEqualTo("0 stuck, 0 failed, 0 dead-lettered \u00b7 took 1.5 s");
    assertThat(vm.messages()).isEmpty();
  }

  @Test
  void withoutAWindowNothingRunsAndTheUserIsTold() {
    ManualTaskRunner runner = new ManualTaskRunner();
    StuckViewModel vm = new StuckViewModel((w, asOf, p, c) -> report(w, asOf, 0), runner, clock);
    vm.analyze();
    assertThat(runner.started).isEmpty();
    assertThat(vm.stateProperty().get()).isEqualTo(State.IDLE);
    assertThat(vm.problemProperty().get()).isEqualTo("Choose a time window first.");
  }

  @Test
  void cancelKeepsWhatWasFoundAndAnalyseWorksAgain() {
    ManualTaskRunner runner = new ManualTaskRunner();
    StuckViewModel[] vm = new StuckViewModel[1];
    vm[0] =
        new StuckViewModel(
            (w, asOf, publish, c) -> {
              publish.accept(stuck("ord-1"));
              publish.accept(stuck("ord-2"));
              if (runner.started.size() == 1) {
                vm[0].cancel(); // Esc while the scan is running, between two pages
              }
              publish.accept(stuck("ord-3"));
              return report(w, asOf, 3);
            },
            runner,
            everyReadingLater());
    vm[0].windowProperty().set(PAST);
    vm[0].analyze();
    runner.started.get(0).complete();
    assertThat(runner.started.get(0).cancel.isCancelled()).isTrue();
    assertThat(vm[0].stateProperty().get()).isEqualTo(State.CANCELLED);
    assertThat(vm[0].messages()).extracting(StuckMessage::id).containsExactly("ord-1", "ord-2");
    assertThat(vm[0].reportProperty().get()).isNull();
    assertThat(vm[0].progressProperty().get()).isEqualTo("2 stuck/failed found before cancelling");
    assertThat(vm[0].lastTookProperty().get()).isNull();

    vm[0].analyze();
    assertThat(vm[0].messages()).isEmpty();
    runner.started.get(1).complete();
    assertThat(vm[0].stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm[0].messages())
        .extracting(StuckMessage::id)
        .containsExactly("ord-1", "ord-2", "ord-3");
    assertThat(vm[0].reportProperty().get().totals().stuck()).isEqualTo(3);
  }

  @Test
  void aNewerAnalysisClearsTheListAndTheOlderOnesItemsNeverLand() {
    ManualTaskRunner runner = new ManualTaskRunner();
    TimeWindow older = new TimeWindow(NOW.minusSeconds(7200), NOW.minusSeconds(3600));
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, publish, c) -> {
              String tag = w.equals(older) ? "old-" : "new-";
              publish.accept(stuck(tag + 1));
              publish.accept(stuck(tag + 2));
              return report(w, asOf, w.equals(older) ? 2 : 1);
            },
            runner,
            clock);
    vm.windowProperty().set(older);
    vm.analyze();
    vm.windowProperty().set(PAST);
    vm.analyze();
    assertThat(runner.started.get(0).cancel.isCancelled()).isTrue();
    assertThat(runner.started.get(1).cancel.isCancelled()).isFalse();
    runner.started.get(1).complete();
    runner.started.get(0).complete();
    assertThat(vm.messages()).extracting(StuckMessage::id).containsExactly("new-1", "new-2");
    assertThat(vm.reportProperty().get()).isEqualTo(report(PAST, PAST.to(), 1));
    assertThat(vm.analysedWindowProperty().get()).isEqualTo(PAST);
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
  }

  @Test
  void aNewerAnalysisClearsWhatAFinishedOneShowed() {
    ManualTaskRunner runner = new ManualTaskRunner();
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, publish, c) -> {
              publish.accept(stuck("ord-" + runner.started.size()));
              return report(w, asOf, 1);
            },
            runner,
            clock);
    analysePastToTheEnd(vm, runner);
    assertThat(vm.messages()).extracting(StuckMessage::id).containsExactly("ord-1");
    vm.analyze();
    assertThat(vm.messages()).isEmpty();
    assertThat(vm.reportProperty().get()).isNull();
    assertThat(vm.stateProperty().get()).isEqualTo(State.ANALYSING);
    assertThat(vm.progressProperty().get()).isEqualTo("Analysing\u2026");
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void aBackendFailureIsShownWithItsSourceAndUrlAndRetryRunsAgain() {
    ManualTaskRunner runner = new ManualTaskRunner();
    boolean[] down = {true};
    StuckViewModel vm =
        new StuckViewModel(
            (w, asOf, publish, c) -> {
              publish.accept(stuck("ord-1"));
              if (down[0]) {
                throw new SourceException(
                    "Elasticsearch",
                    SourceException.Kind.UNREACHABLE,
                    "Elasticsearch at http://es:9200 is unreachable",
                    null);
              }
              return report(w, asOf, 1);
            },
            runner,
            clock);
    analysePastToTheEnd(vm, runner);
    assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(vm.problemProperty().get())
        .isEqualTo("Elasticsearch at http://es:9200 is unreachable");
    assertThat(vm.progressProperty().get()).isEmpty();
    assertThat(vm.reportProperty().get()).isNull();
    assertThat(vm.messages()).extracting(StuckMessage::id).containsExactly("ord-1");

    down[0] = false;
    vm.retry();
    assertThat(vm.problemProperty().get()).isEmpty();
    runner.started.get(1).complete();
    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm.messages()).extracting(StuckMessage::id).containsExactly("ord-1");
  }
}
