package org.hopscope.ui.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckResult.Outcome;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.playbook.PlaybookViewModel.StepState;
import org.hopscope.ui.task.ManualTaskRunner;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.hopscope.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;

class PlaybookViewModelTest {

  private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");
  private final Clock clock = Clock.fixed(T, ZoneOffset.UTC);
  private final List<String> recorded = new ArrayList<>();
  private double value = 5;

  private static Check check(String query) {
    return new Check(
        Check.Kind.PROMQL,
        query,
        Check.Comparison.LT,
        1,
        Check.Severity.CRITICAL,
        "lag is flat",
        "falls behind",
        1);
  }

  static Playbook lag() {
    Step a =
        new Step(
            "a",
            "Is lag growing?",
            "Look at **lag**.",
            check("sum(lag{group=\"${hop}\"}[${window}])"),
            List.of(
                new NextRule(NextRule.On.PASS, "", "end"), new NextRule(NextRule.On.FAIL, "", "b")),
            10);
    Step b =
        new Step(
            "b",
            "Escalate",
            "Call someone.",
            null,
            List.of(
                new NextRule(NextRule.On.CHOICE, "fixed", "end"),
                new NextRule(NextRule.On.CHOICE, "again", "a")),
            20);
    Step c = new Step("c", "Unreached", "", null, List.of(), 30);
    return new Playbook(
        "lag",
        "Lag",
        new Playbook.AppliesTo(List.of("orders"), List.of("fulfilment-service"), List.of()),
        List.of(new Playbook.Variable("hop", "fulfilment-service", "the consumer")),
        List.of(a, b, c),
        "lag.md");
  }

  static Playbook other() {
    return new Playbook(
        "other",
        "Other",
        new Playbook.AppliesTo(List.of("billing"), List.of(), List.of()),
        List.of(),
        List.of(new Step("x", "X", "", null, List.of(), 1)),
        "other.md");
  }

  private final StepRecorder recorder =
      new StepRecorder() {
        @Override
        public void checked(Playbook p, CheckResult r) {
          recorded.add("checked " + p.id() + " " + r.stepId() + " " + r.outcome());
        }

        @Override
        public void ticked(Playbook p, Step s, String user, Instant at) {
          recorded.add("ticked " + p.id() + " " + s.id() + " " + user + " " + at);
        }

        @Override
        public void chose(Playbook p, Step s, String label) {
          recorded.add("chose " + p.id() + " " + s.id() + " " + label);
        }
      };

  private final List<String> ranQueries = new ArrayList<>();

  private PlaybookViewModel vm(TaskRunner runner) {
    CheckRunner checks =
        (step, vars, c) -> {
          c.check();
          ranQueries.add(step.id() + " " + vars);
          Outcome o =
              step.check().comparison().holds(value, step.check().threshold())
                  ? Outcome.PASS
                  : Outcome.FAIL;
          return new CheckResult(
              step.id(), step.check().query(), value, Check.Comparison.LT, 1, o, "");
        };
    return new PlaybookViewModel(
        new PlaybookCatalog(List.of(lag(), other()), List.of()),
        checks,
        recorder,
        runner,
        clock,
        "alice");
  }

  private static List<StepState> states(PlaybookViewModel vm) {
    return vm.steps().stream().map(PlaybookViewModel.StepRow::state).toList();
  }

  @Test
  void suggestsForTheContextFirstThenAll() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    assertThat(vm.suggested()).isEmpty();
    assertThat(vm.pickerItems()).extracting(i -> i.playbook().id()).containsExactly("lag", "other");
    vm.context("billing", null, "15m");
    assertThat(vm.suggested()).extracting(Playbook::id).containsExactly("other");
    assertThat(vm.pickerItems())
        .extracting(i -> i.playbook().id() + ":" + i.suggested())
        .containsExactly("other:true", "lag:false");
    assertThat(vm.suggest("orders", "fulfilment-service"))
        .extracting(Playbook::id)
        .containsExactly("lag");
  }

  @Test
  void variablesArePrefilledFromDefaultsAndContext() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    vm.select("lag");
    assertThat(vm.variables())
        .extracting(v -> v.name() + "=" + v.value().get())
        .containsExactly("hop=fulfilment-service", "path=", "window=30m", "message_id=");
    vm.context("orders", "erp-adapter", "1h");
    assertThat(vm.variables())
        .extracting(v -> v.name() + "=" + v.value().get())
        .containsExactly("hop=erp-adapter", "path=orders", "window=1h", "message_id=");
    vm.variables().get(2).value().set("2h");
    vm.start();
    assertThat(vm.boundVariables())
        .containsExactly(
            Map.entry("hop", "erp-adapter"),
            Map.entry("path", "orders"),
            Map.entry("window", "2h"),
            Map.entry("message_id", ""));
    assertThat(vm.checkQueryProperty().get()).isEqualTo("sum(lag{group=\"erp-adapter\"}[2h])");
  }

  @Test
  void failBranchTickChoiceToTheEnd() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    assertThat(vm.choose("lag", Map.of())).isTrue();
    assertThat(states(vm)).containsExactly(StepState.CURRENT, StepState.PENDING, StepState.PENDING);
    assertThat(vm.currentTitleProperty().get()).isEqualTo("Is lag growing?");
    assertThat(vm.currentMarkdownProperty().get()).isEqualTo("Look at **lag**.");
    assertThat(vm.checkSummaryProperty().get()).isEqualTo("pass when < 1 · critical · lag is flat");
    assertThat(vm.progressTextProperty().get()).isEqualTo("0 of 3 steps done");

    vm.runCheck();
    assertThat(vm.resultProperty().get().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(vm.resultTextProperty().get()).isEqualTo("FAIL: 5 (pass when < 1)");
    assertThat(ranQueries)
        .containsExactly("a {hop=fulfilment-service, path=, window=30m, message_id=}");
    assertThat(recorded).containsExactly("checked lag a FAIL");

    vm.tick();
    vm.tick();
    assertThat(vm.tickTextProperty().get()).isEqualTo("done by alice at 10:15:30 UTC");
    assertThat(vm.tickedProperty().get()).isTrue();

    vm.next();
    assertThat(states(vm)).containsExactly(StepState.FAILED, StepState.CURRENT, StepState.PENDING);
    assertThat(vm.currentStepProperty().get().id()).isEqualTo("b");
    assertThat(vm.choices()).containsExactly("fixed", "again");
    assertThat(vm.checkQueryProperty().get()).isEmpty();
    assertThat(vm.resultProperty().get()).isNull();
    assertThat(vm.tickTextProperty().get()).isEmpty();
    assertThat(vm.doneProperty().get()).isEqualTo(1);

    vm.choose("fixed");
    assertThat(vm.endedProperty().get()).isTrue();
    assertThat(states(vm)).containsExactly(StepState.FAILED, StepState.DONE, StepState.PENDING);
    assertThat(vm.progressTextProperty().get()).isEqualTo("2 of 3 steps done · walk-through ended");
    assertThat(vm.currentStepProperty().get()).isNull();
    assertThat(vm.currentMarkdownProperty().get())
        .isEqualTo(
            "The walk-through ended after **2 of 3** steps: 0 check(s) passed, 1 failed.\n\n"
                + "Pick a playbook on the left and press **Start** to walk through again.");
    assertThat(vm.choices()).isEmpty();
    assertThat(recorded)
        .containsExactly(
            "checked lag a FAIL", "ticked lag a alice 2026-03-01T10:15:30Z", "chose lag b fixed");
    // moves after the end are ignored
    vm.next();
    vm.tick();
    assertThat(recorded).hasSize(3);
  }

  @Test
  void passGoesToTheEndAndChoiceBackRevisits() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    vm.choose("lag", Map.of());
    vm.next(); // not run: following step
    assertThat(vm.currentStepProperty().get().id()).isEqualTo("b");
    assertThat(states(vm)).containsExactly(StepState.DONE, StepState.CURRENT, StepState.PENDING);
    vm.choose("again");
    assertThat(vm.currentStepProperty().get().id()).isEqualTo("a");
    value = 0;
    vm.runCheck();
    assertThat(vm.resultTextProperty().get()).isEqualTo("PASS: 0 (pass when < 1)");
    vm.next();
    assertThat(vm.endedProperty().get()).isTrue();
    assertThat(states(vm)).containsExactly(StepState.PASSED, StepState.DONE, StepState.PENDING);
  }

  @Test
  void unknownChoiceOrVariableIsAProblemNotACrash() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    assertThat(vm.choose("lag", Map.of("colour", "red"))).isFalse();
    assertThat(vm.problemProperty().get()).startsWith("playbook lag has no variable 'colour'");
    assertThat(vm.choose("nope", Map.of())).isFalse();
    assertThat(vm.problemProperty().get()).isEqualTo("No playbook 'nope'.");
    vm.choose("lag", Map.of());
    vm.choose("fixed");
    assertThat(vm.problemProperty().get()).startsWith("step a offers no choice 'fixed'");
    assertThat(vm.currentStepProperty().get().id()).isEqualTo("a");
    assertThat(recorded).isEmpty();
  }

  @Test
  void runningCheckShowsProgressAndCancelDeliversNothing() {
    ManualTaskRunner runner = new ManualTaskRunner();
    PlaybookViewModel vm = vm(runner);
    vm.choose("lag", Map.of());
    vm.runCheck();
    assertThat(vm.checkRunningProperty().get()).isTrue();
    assertThat(runner.started).hasSize(1);
    vm.cancelCheck();
    assertThat(vm.checkRunningProperty().get()).isFalse();
    assertThat(runner.started.get(0).cancel.isCancelled()).isTrue();
    runner.started.get(0).complete();
    assertThat(vm.resultProperty().get()).isNull();
    assertThat(recorded).isEmpty();

    // a check still running when the engineer moves on is cancelled and not recorded
    vm.runCheck();
    vm.next();
    runner.started.get(1).complete();
    assertThat(runner.started.get(1).cancel.isCancelled()).isTrue();
    assertThat(vm.currentStepProperty().get().id()).isEqualTo("b");
    assertThat(states(vm)).containsExactly(StepState.DONE, StepState.CURRENT, StepState.PENDING);

    // a completed check is recorded through the runner (a second task), not on the FX thread
    vm.choose("again");
    assertThat(runner.started).hasSize(3); // the choice's record task
    runner.started.get(2).complete();
    assertThat(recorded).containsExactly("chose lag b again");
    vm.runCheck();
    runner.started.get(3).complete();
    assertThat(vm.resultProperty().get().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(recorded).hasSize(1);
    assertThat(runner.started).hasSize(5);
    runner.started.get(4).complete();
    assertThat(recorded).containsExactly("chose lag b again", "checked lag a FAIL");
  }
}
