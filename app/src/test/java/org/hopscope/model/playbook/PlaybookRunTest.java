package org.hopscope.model.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.hopscope.model.playbook.CheckResult.Outcome;
import org.hopscope.model.playbook.NextRule.On;
import org.hopscope.model.playbook.PlaybookRun.Event;
import org.hopscope.model.playbook.PlaybookRun.Kind;
import org.hopscope.model.playbook.PlaybookRun.Tick;
import org.junit.jupiter.api.Test;

/** Every transition of {@link PlaybookRun}. */
class PlaybookRunTest {

  private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

  /** A clock the test moves. */
  private static final class StepClock extends Clock {
    Instant now = T0;

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
      return now;
    }
  }

  private final StepClock clock = new StepClock();

  private static Check check() {
    return new Check(
        Check.Kind.PROMQL, "sum(up)", Check.Comparison.LT, 100, Check.Severity.CRITICAL, "", "", 1);
  }

  private static CheckResult result(String step, Outcome outcome) {
    return new CheckResult(
        step,
        "sum(up)",
        outcome == Outcome.ERROR || outcome == Outcome.NO_DATA ? null : 1.0,
        Check.Comparison.LT,
        100,
        outcome,
        "",
        T0);
  }

  /**
   * lag (check; pass: end, fail: errors, choice restarted -> restart), errors (check, no rules),
   * restart (no check, choice back -> lag), last (no check, no rules).
   */
  private static Playbook playbook() {
    return new Playbook(
        "consumer-lag",
        "Lag",
        new Playbook.AppliesTo(List.of(), List.of(), List.of()),
        List.of(),
        List.of(
            new Step(
                "lag",
                "Lag growing?",
                "",
                check(),
                List.of(
                    new NextRule(On.PASS, "", NextRule.END),
                    new NextRule(On.FAIL, "", "errors"),
                    new NextRule(On.CHOICE, "consumer restarted", "restart")),
                10),
            new Step("errors", "Errors?", "", check(), List.of(), 20),
            new Step(
                "restart",
                "Restarted?",
                "",
                null,
                List.of(
                    new NextRule(On.CHOICE, "look again", "lag"),
                    new NextRule(On.CHOICE, "give up", NextRule.END)),
                30),
            new Step("last", "Escalate", "", null, List.of(), 40)),
        "playbooks/consumer-lag.md");
  }

  private PlaybookRun run() {
    return new PlaybookRun(playbook(), clock, "alice");
  }

  @Test
  void startsAtTheFirstStep() {
    PlaybookRun run = run();
    assertThat(run.ended()).isFalse();
    assertThat(run.currentStep().orElseThrow().id()).isEqualTo("lag");
    assertThat(run.result()).isEmpty();
    assertThat(run.history()).containsExactly(new Event(T0, Kind.ENTERED, "lag", ""));
  }

  @Test
  void passGoesToThePassTargetAndEnds() {
    PlaybookRun run = run();
    run.record(result("lag", Outcome.PASS));
    assertThat(run.result().orElseThrow().outcome()).isEqualTo(Outcome.PASS);
    assertThat(run.next()).isEqualTo("end");
    assertThat(run.ended()).isTrue();
    assertThat(run.currentStep()).isEmpty();
    assertThat(run.history())
        .containsExactly(
            new Event(T0, Kind.ENTERED, "lag", ""),
            new Event(T0, Kind.CHECKED, "lag", "PASS"),
            new Event(T0, Kind.MOVED, "lag", "end"),
            new Event(T0, Kind.ENDED, "lag", ""));
  }

  @Test
  void failGoesToTheFailTarget() {
    PlaybookRun run = run();
    run.record(result("lag", Outcome.FAIL));
    assertThat(run.next()).isEqualTo("errors");
    assertThat(run.currentStep().orElseThrow().id()).isEqualTo("errors");
    assertThat(run.result("lag").orElseThrow().outcome()).isEqualTo(Outcome.FAIL);
    assertThat(run.result()).isEmpty();
  }

  @Test
  void theLatestRecordedResultDecides() {
    PlaybookRun run = run();
    run.record(result("lag", Outcome.FAIL));
    run.record(result("lag", Outcome.PASS));
    assertThat(run.next()).isEqualTo("end");
  }

  @Test
  void noResultFallsThroughToTheFollowingStep() {
    PlaybookRun unchecked = run();
    assertThat(unchecked.undecided()).isEmpty();
    assertThat(unchecked.next()).isEqualTo("errors");
  }

  @Test
  void noDataNeverEndsTheWalkThroughAsIfPassedTheEngineerChoosesTheWayOn() {
    for (Outcome undecided : List.of(Outcome.NO_DATA, Outcome.ERROR)) {
      PlaybookRun run = run();
      run.record(result("lag", undecided));
      String label = " (" + undecided.label() + ")";
      assertThat(run.undecided())
          .containsExactly(
              new NextRule(On.PASS, "go on as if the check passed" + label, NextRule.END),
              new NextRule(On.FAIL, "go on as if the check failed" + label, "errors"));
      assertThatThrownBy(run::next)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the check of step lag could not be decided ("
                  + undecided.label()
                  + "); choose how to go on: as if it passed (to end) or as if it failed (to"
                  + " errors)");
      assertThat(run.ended()).isFalse();
      assertThat(run.goOnAs(On.FAIL)).isEqualTo("errors");
      assertThat(run.history())
          .containsExactly(
              new Event(T0, Kind.ENTERED, "lag", ""),
              new Event(T0, Kind.CHECKED, "lag", undecided.label()),
              new Event(T0, Kind.CHOSE, "lag", "go on as if the check failed" + label),
              new Event(T0, Kind.MOVED, "lag", "errors"),
              new Event(T0, Kind.ENTERED, "errors", ""));
      assertThat(run.undecided()).isEmpty();
      assertThatThrownBy(() -> run.goOnAs(On.PASS))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("step errors has no undecided check to go on from; use next()");
    }
  }

  @Test
  void noDataAtAStepWhosePassAndFailLeadAlikeGoesOnAndARerunDecides() {
    PlaybookRun run = run();
    run.record(result("lag", Outcome.FAIL));
    run.next();
    run.record(result("errors", Outcome.NO_DATA)); // no rules: both ways lead to restart
    assertThat(run.undecided()).isEmpty();
    assertThat(run.next()).isEqualTo("restart");

    PlaybookRun again = run();
    again.record(result("lag", Outcome.NO_DATA));
    again.record(result("lag", Outcome.PASS));
    assertThat(again.undecided()).isEmpty();
    assertThat(again.next()).isEqualTo("end");
    assertThatThrownBy(() -> run().goOnAs(On.CHOICE)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStepWithoutRulesGoesToTheFollowingStepAndTheLastEnds() {
    PlaybookRun run = run();
    run.record(result("lag", Outcome.FAIL));
    run.next();
    run.record(result("errors", Outcome.FAIL));
    assertThat(run.next()).isEqualTo("restart");
    assertThat(run.next()).isEqualTo("last");
    assertThat(run.next()).isEqualTo("end");
    assertThat(run.ended()).isTrue();
  }

  @Test
  void choicesAreOfferedAndTaken() {
    PlaybookRun run = run();
    assertThat(run.choices())
        .containsExactly(new NextRule(On.CHOICE, "consumer restarted", "restart"));
    assertThat(run.choose("consumer restarted")).isEqualTo("restart");
    assertThat(run.choices()).extracting(NextRule::label).containsExactly("look again", "give up");
    assertThat(run.choose("give up")).isEqualTo("end");
    assertThat(run.choices()).isEmpty();
  }

  @Test
  void revisitingAStepForgetsItsEarlierResult() {
    PlaybookRun run = run();
    run.record(result("lag", Outcome.FAIL));
    run.choose("consumer restarted");
    assertThat(run.result("lag")).isPresent();
    run.choose("look again");
    assertThat(run.currentStep().orElseThrow().id()).isEqualTo("lag");
    assertThat(run.result()).isEmpty();
    assertThat(run.result("lag")).isEmpty();
    assertThat(run.next()).isEqualTo("errors");
  }

  @Test
  void anUnknownChoiceIsRefusedNamingTheOffers() {
    PlaybookRun run = run();
    assertThatThrownBy(() -> run.choose("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step lag offers no choice 'nope'; it offers ['consumer restarted']");
    assertThat(run.currentStep().orElseThrow().id()).isEqualTo("lag");
  }

  @Test
  void ticksRecordUserAndUtcTimeOnceAStep() {
    PlaybookRun run = run();
    clock.now = T0.plus(Duration.ofSeconds(5));
    Tick first = run.tick();
    clock.now = T0.plus(Duration.ofSeconds(9));
    assertThat(run.tick()).isEqualTo(first);
    assertThat(first).isEqualTo(new Tick("lag", "alice", T0.plusSeconds(5)));
    run.next();
    Tick second = run.tick();
    assertThat(run.ticks()).containsExactly(first, new Tick("errors", "alice", T0.plusSeconds(9)));
    assertThat(second.at()).isEqualTo(T0.plusSeconds(9));
    assertThat(run.history())
        .containsExactly(
            new Event(T0, Kind.ENTERED, "lag", ""),
            new Event(T0.plusSeconds(5), Kind.TICKED, "lag", "alice"),
            new Event(T0.plusSeconds(9), Kind.MOVED, "lag", "errors"),
            new Event(T0.plusSeconds(9), Kind.ENTERED, "errors", ""),
            new Event(T0.plusSeconds(9), Kind.TICKED, "errors", "alice"));
  }

  @Test
  void aResultOfAnotherStepOrForAStepWithoutCheckIsRefused() {
    PlaybookRun run = run();
    assertThatThrownBy(() -> run.record(result("errors", Outcome.PASS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the result is of step errors, the current step is lag");
    run.choose("consumer restarted");
    assertThatThrownBy(() -> run.record(result("restart", Outcome.PASS)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step restart has no check");
  }

  @Test
  void everythingIsRefusedOnceEnded() {
    PlaybookRun run = run();
    run.record(result("lag", Outcome.PASS));
    run.next();
    String ended = "the walk-through of consumer-lag has ended";
    assertThatThrownBy(run::next).isInstanceOf(IllegalStateException.class).hasMessage(ended);
    assertThatThrownBy(run::tick).isInstanceOf(IllegalStateException.class).hasMessage(ended);
    assertThatThrownBy(() -> run.choose("consumer restarted"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(ended);
    assertThatThrownBy(() -> run.record(result("lag", Outcome.PASS)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(ended);
  }

  @Test
  void aRuleToAMissingStepIsRefusedAndTheRunStays() {
    Playbook broken =
        new Playbook(
            "broken",
            "B",
            new Playbook.AppliesTo(List.of(), List.of(), List.of()),
            List.of(),
            List.of(
                new Step("a", "A", "", null, List.of(new NextRule(On.CHOICE, "x", "nowhere")), 1)),
            "b.md");
    PlaybookRun run = new PlaybookRun(broken, clock, "bob");
    assertThatThrownBy(() -> run.choose("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("step a goes to 'nowhere', which is no step of broken");
    assertThat(run.currentStep().orElseThrow().id()).isEqualTo("a");
  }

  @Test
  void aPlaybookWithoutStepsCannotBeWalked() {
    Playbook empty =
        new Playbook(
            "empty",
            "E",
            new Playbook.AppliesTo(List.of(), List.of(), List.of()),
            List.of(),
            List.of(),
            "e.md");
    assertThatThrownBy(() -> new PlaybookRun(empty, clock, "bob"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("playbook empty has no step");
  }
}
