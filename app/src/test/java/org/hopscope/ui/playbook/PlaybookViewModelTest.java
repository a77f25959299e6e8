package org.hopscope.ui.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hopscope.model.TimeWindow;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckResult.Outcome;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.model.playbook.Step;
import org.hopscope.model.playbook.ValueOrigin;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.playbook.PlaybookViewModel.StepState;
import org.hopscope.ui.task.ManualTaskRunner;
import org.hopscope.ui.task.SynchronousTaskRunner;
import org.hopscope.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;

class PlaybookViewModelTest {

  private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");
  private static final TimeWindow LAST_HOUR =
      new TimeWindow(Instant.parse("2026-03-01T09:00:00Z"), Instant.parse("2026-03-01T10:00:00Z"));
  private final Clock clock = Clock.fixed(T, ZoneOffset.UTC);
  private final List<String> recorded = new ArrayList<>();
  private double value = 5;
  private boolean noData;

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

  /** A playbook whose hop means "the hop calling the ERP": pinned. */
  static Playbook erp() {
    return new Playbook(
        "erp",
        "ERP timeouts",
        new Playbook.AppliesTo(List.of("orders"), List.of("erp-adapter"), List.of()),
        List.of(
            new Playbook.Variable("hop", "erp-adapter", "the hop calling the ERP", true),
            new Playbook.Variable("window", "30m", "")),
        List.of(
            new Step(
                "t",
                "Timeouts?",
                "",
                check("sum(t{service=\"${hop}\"}[${window}])"),
                List.of(new NextRule(NextRule.On.PASS, "", "end")),
                1)),
        "erp.md");
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
        (step, vars, asOf, c) -> {
          c.check();
          ranQueries.add(step.id() + " " + vars + " as of " + asOf);
          Outcome o =
              step.check().comparison().holds(value, step.check().threshold())
                  ? Outcome.PASS
                  : Outcome.FAIL;
          if (noData) {
            return new CheckResult(
                step.id(),
                step.check().query(),
                null,
                Check.Comparison.LT,
                1,
                Outcome.NO_DATA,
                "no series for " + step.check().query(),
                asOf);
          }
          return new CheckResult(
              step.id(), step.check().query(), value, Check.Comparison.LT, 1, o, "", asOf);
        };
    return new PlaybookViewModel(
        new PlaybookCatalog(List.of(lag(), other(), erp()), List.of()),
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
    assertThat(vm.pickerItems())
        .extracting(i -> i.playbook().id())
        .containsExactly("lag", "other", "erp");
    vm.context("billing", null, null);
    assertThat(vm.suggested()).extracting(Playbook::id).containsExactly("other");
    assertThat(vm.pickerItems())
        .extracting(i -> i.playbook().id() + ":" + i.suggested())
        .containsExactly("other:true", "lag:false", "erp:false");
    assertThat(vm.pickerItems())
        .extracting(PlaybookViewModel.PickerItem::why)
        .containsExactly("for path billing", null, null);
    // erp is for the path too, but for another hop: not suggested for fulfilment-service
    assertThat(vm.suggest("orders", "fulfilment-service"))
        .extracting(Playbook::id)
        .containsExactly("lag");
    assertThat(vm.pickerItems())
        .extracting(i -> i.playbook().id() + ":" + i.why())
        .containsExactly("lag:applies to fulfilment-service", "other:null", "erp:null");
  }

  @Test
  void variablesArePrefilledFromDefaultsAndContext() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    vm.select("lag");
    assertThat(vm.variables())
        .extracting(v -> v.name() + "=" + v.value().get())
        .containsExactly("hop=fulfilment-service", "path=", "window=30m", "message_id=");
    vm.context("orders", "erp-adapter", CheckWindow.of(LAST_HOUR, ValueOrigin.SEARCH_BAR));
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
    assertThat(vm.resultTextProperty().get())
        .isEqualTo("FAIL: 5 (pass when < 1) · as of 2026-03-01 10:15:30 UTC");
    assertThat(ranQueries)
        .containsExactly("a {hop=fulfilment-service, path=, window=30m, message_id=} as of " + T);
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
    assertThat(vm.resultTextProperty().get())
        .isEqualTo("PASS: 0 (pass when < 1) · as of 2026-03-01 10:15:30 UTC");
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

  private static String form(PlaybookViewModel vm) {
    return String.join(
        ", ",
        vm.variables().stream()
            .map(
                v ->
                    v.name()
                        + "="
                        + v.value().get()
                        + (v.noteProperty().get().isEmpty()
                            ? ""
                            : " [" + v.noteProperty().get() + "]"))
            .toList());
  }

  @Test
  void noDataIsGreyNeverAPassAndTheEngineerChoosesTheWayOn() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    noData = true;
    vm.choose("lag", Map.of());
    vm.runCheck();
    CheckResult r = vm.resultProperty().get();
    assertThat(r.outcome()).isEqualTo(Outcome.NO_DATA);
    assertThat(vm.resultTextProperty().get())
        .isEqualTo("NO DATA: no series for the query · as of 2026-03-01 10:15:30 UTC");
    assertThat(states(vm)).containsExactly(StepState.CURRENT, StepState.PENDING, StepState.PENDING);
    assertThat(vm.undecided())
        .extracting(NextRule::on, NextRule::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(NextRule.On.PASS, "end"),
            org.assertj.core.groups.Tuple.tuple(NextRule.On.FAIL, "b"));
    assertThat(vm.undecided().stream().map(vm::wayText).toList())
        .containsExactly("As if it passed: end the walk-through", "As if it failed: Escalate");
    assertThat(vm.undecidedTextProperty().get())
        .isEqualTo(
            "Not decided: the query found no data, so this step neither passed nor failed."
                + " Choose how to go on.");

    vm.next(); // refused: NO DATA never ends the walk-through as if passed
    assertThat(vm.endedProperty().get()).isFalse();
    assertThat(vm.currentStepProperty().get().id()).isEqualTo("a");
    assertThat(vm.problemProperty().get())
        .isEqualTo(
            "the check of step a could not be decided (NO DATA); choose how to go on: as if it"
                + " passed (to end) or as if it failed (to b)");

    vm.goOnAs(NextRule.On.FAIL);
    assertThat(vm.currentStepProperty().get().id()).isEqualTo("b");
    assertThat(states(vm)).containsExactly(StepState.NO_DATA, StepState.CURRENT, StepState.PENDING);
    assertThat(vm.undecided()).isEmpty();
    vm.choose("fixed");
    assertThat(vm.currentMarkdownProperty().get())
        .startsWith(
            "The walk-through ended after **2 of 3** steps: 0 check(s) passed, 0 failed, 1 had"
                + " no data.");
    assertThat(recorded)
        .containsExactly(
            "checked lag a NO_DATA",
            "chose lag a go on as if the check failed (NO DATA)",
            "chose lag b fixed");
  }

  @Test
  void checksRunAsOfTheWindowsEndAndSayWhen() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    assertThat(vm.choose("lag", Map.of())).isTrue();
    assertThat(vm.asOfTextProperty().get())
        .isEqualTo("Runs as of now (when you press Run check), over the playbook's window");
    vm.context("orders", null, CheckWindow.of(LAST_HOUR, ValueOrigin.INCIDENT));
    vm.select("lag");
    vm.start();
    assertThat(vm.asOfTextProperty().get())
        .isEqualTo("Runs as of the end of the open incident's window, 2026-03-01 09:00–10:00 UTC");
    vm.runCheck();
    assertThat(ranQueries)
        .last()
        .isEqualTo(
            "a {hop=fulfilment-service, path=orders, window=1h, message_id=} as of"
                + " 2026-03-01T10:00:00Z");
    assertThat(vm.resultTextProperty().get())
        .isEqualTo("FAIL: 5 (pass when < 1) · as of 2026-03-01 10:00:00 UTC");
  }

  @Test
  void everyVariableOfALinkReachesTheFormAndItsWindowIsTheChecks() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    vm.context("orders", "api-gateway", null); // what the engineer happened to look at
    PlaybookLink link =
        PlaybookLink.parse(
            "hopscope://playbook/lag?hop=fulfilment-service&message_id=ord-42"
                + "&from=2026-03-01T09:10:00Z&to=2026-03-01T10:00:00Z");
    assertThat(vm.open(link)).isTrue();
    assertThat(form(vm))
        .isEqualTo(
            "hop=fulfilment-service [from the alert link], path=orders [from the search bar],"
                + " window=50m [from the alert link], message_id=ord-42 [from the alert link]");
    assertThat(vm.boundVariables())
        .containsExactly(
            Map.entry("hop", "fulfilment-service"),
            Map.entry("path", "orders"),
            Map.entry("window", "50m"),
            Map.entry("message_id", "ord-42"));
    vm.runCheck();
    assertThat(ranQueries)
        .containsExactly(
            "a {hop=fulfilment-service, path=orders, window=50m, message_id=ord-42} as of"
                + " 2026-03-01T10:00:00Z");
    // looking elsewhere afterwards keeps the link's values in the form
    vm.context("orders", "erp-adapter", null);
    assertThat(form(vm)).contains("hop=fulfilment-service [from the alert link]");
    assertThat(vm.open(PlaybookLink.parse("hopscope://playbook/lag?colour=red"))).isFalse();
    assertThat(vm.problemProperty().get()).startsWith("playbook lag has no variable 'colour'");
  }

  @Test
  void aSearchBarValueIsShownAsSuchAndAPinnedVariableDoesNotTakeIt() {
    PlaybookViewModel vm = vm(new SynchronousTaskRunner());
    vm.context("orders", "fulfilment-service", null);
    vm.select("lag");
    assertThat(form(vm))
        .isEqualTo(
            "hop=fulfilment-service [from the search bar], path=orders [from the search bar],"
                + " window=30m, message_id=");
    vm.select("erp");
    assertThat(form(vm))
        .isEqualTo(
            "hop=erp-adapter [pinned by the playbook: fulfilment-service from the search bar not"
                + " used], window=30m, path=orders [from the search bar], message_id=");
    assertThat(vm.variables().get(0).pinned()).isTrue();
    // typing overrides anything, pinned or not, and is kept when the context changes
    vm.variables().get(0).value().set("erp-adapter-2");
    vm.context("orders", "api-gateway", null);
    assertThat(form(vm)).startsWith("hop=erp-adapter-2, window=30m");
    assertThat(vm.variables().get(0).originProperty().get()).isEqualTo(ValueOrigin.GIVEN);
    vm.start();
    assertThat(vm.boundVariables()).containsEntry("hop", "erp-adapter-2");
  }
}
