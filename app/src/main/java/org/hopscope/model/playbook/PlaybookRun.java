package org.hopscope.model.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One walk-through of a playbook: a pure state machine (no I/O), time from an injected clock.
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>It starts at the first step. Entering a step forgets that step's earlier check result (a
 *       revisit is judged afresh); the history keeps everything.
 *   <li>{@link #record} stores the current step's check result (the latest counts).
 *   <li>{@link #next}: with a result PASS and a {@code pass} rule, or FAIL and a {@code fail} rule,
 *       goes to that rule's target; otherwise (no check, not run, no matching rule) to the
 *       following step in document order, after the last step to {@code end}.
 *   <li>A check that ran but was not decided (NO DATA or ERROR) is unknown, never a pass: when
 *       passing and failing would lead to different steps, {@link #next} is refused and {@link
 *       #undecided} offers both ways; the engineer picks one with {@link #goOnAs} (recorded as a
 *       choice, "go on as if the check failed (NO DATA)").
 *   <li>{@link #choose}: goes to the target of the current step's {@code choice} with that label.
 *   <li>{@link #tick}: marks the current step done by the user at the clock's instant (UTC); a
 *       second tick of the same step keeps the first.
 *   <li>Once ended, every move, record and tick is refused with {@link IllegalStateException}.
 * </ul>
 *
 * Not thread-safe: one walk-through belongs to one UI or CLI thread.
 */
public final class PlaybookRun {

  /**
   * A step ticked done.
   *
   * @param stepId the step
   * @param user the OS user
   * @param at when, UTC
   */
  public record Tick(String stepId, String user, Instant at) {}

  /**
   * Something that happened in the walk-through.
   *
   * @param at when
   * @param kind what
   * @param stepId the step it happened at (for {@link Kind#ENTERED}: the step entered)
   * @param detail the outcome's label for CHECKED ("NO DATA"), the target for MOVED, the label for
   *     CHOSE, the user for TICKED, "" otherwise
   */
  public record Event(Instant at, Kind kind, String stepId, String detail) {}

  /** What happened. */
  public enum Kind {
    ENTERED,
    CHECKED,
    TICKED,
    MOVED,
    CHOSE,
    ENDED
  }

  private final Playbook playbook;
  private final PlaybookRoutes routes;
  private final Clock clock;
  private final String user;
  private final Map<String, CheckResult> results = new HashMap<>();
  private final Map<String, Tick> ticks = new LinkedHashMap<>();
  private final List<Event> history = new ArrayList<>();
  private String current;

  /**
   * Starts a walk-through at the first step.
   *
   * @param user the OS user recorded with ticks
   * @throws IllegalArgumentException when the playbook has no step
   */
  public PlaybookRun(Playbook playbook, Clock clock, String user) {
    this.playbook = Objects.requireNonNull(playbook, "playbook");
    this.routes = new PlaybookRoutes(playbook);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.user = Objects.requireNonNull(user, "user");
    if (playbook.steps().isEmpty()) {
      throw new IllegalArgumentException("playbook " + playbook.id() + " has no step");
    }
    enter(playbook.steps().get(0).id());
  }

  /** The playbook walked through. */
  public Playbook playbook() {
    return playbook;
  }

  /** Whether the walk-through reached {@code end}. */
  public boolean ended() {
    return current == null;
  }

  /** The current step; empty once ended. */
  public Optional<Step> currentStep() {
    return current == null ? Optional.empty() : playbook.step(current);
  }

  /** The current step's latest check result in this visit, if any. */
  public Optional<CheckResult> result() {
    return current == null ? Optional.empty() : Optional.ofNullable(results.get(current));
  }

  /** The latest check result of {@code stepId} (kept after leaving the step), if any. */
  public Optional<CheckResult> result(String stepId) {
    return Optional.ofNullable(results.get(stepId));
  }

  /** The current step's choice rules (labels offered), in file order; empty once ended. */
  public List<NextRule> choices() {
    return currentStep()
        .map(s -> s.next().stream().filter(r -> r.on() == NextRule.On.CHOICE).toList())
        .orElse(List.of());
  }

  /**
   * Records the current step's check result.
   *
   * @throws IllegalArgumentException when the result is of another step, or the step has no check
   * @throws IllegalStateException once ended
   */
  public void record(CheckResult result) {
    Step step = requireCurrent();
    if (step.check() == null) {
      throw new IllegalArgumentException("step " + step.id() + " has no check");
    }
    if (!step.id().equals(result.stepId())) {
      throw new IllegalArgumentException(
          "the result is of step " + result.stepId() + ", the current step is " + step.id());
    }
    results.put(step.id(), result);
    log(Kind.CHECKED, step.id(), result.outcome().label());
  }

  /**
   * Follows the current step's rules (see the class comment).
   *
   * @return the step now current, or {@link NextRule#END}
   * @throws IllegalStateException once ended, or when a rule names a step that does not exist
   */
  public String next() {
    Step step = requireCurrent();
    CheckResult r = results.get(step.id());
    if (r == null) {
      return move(step, routes.following(step));
    }
    if (r.decided()) {
      NextRule.On on =
          r.outcome() == CheckResult.Outcome.PASS ? NextRule.On.PASS : NextRule.On.FAIL;
      return move(step, routes.target(step, on));
    }
    List<NextRule> ways = undecided();
    if (!ways.isEmpty()) {
      throw new IllegalStateException(
          "the check of step "
              + step.id()
              + " could not be decided ("
              + r.outcome().label()
              + "); choose how to go on: as if it passed (to "
              + ways.get(0).target()
              + ") or as if it failed (to "
              + ways.get(1).target()
              + ")");
    }
    return move(step, routes.target(step, NextRule.On.PASS));
  }

  /**
   * The ways on when the current step's check ran but was not decided (NO DATA or ERROR) and
   * passing and failing lead to different places: a PASS rule, then a FAIL rule, each with the step
   * it leads to (or {@link NextRule#END}) and the label {@link #goOnAs} records. Empty otherwise
   * (nothing ran, the check was decided, both ways lead to the same step, ended).
   */
  public List<NextRule> undecided() {
    Step step = current == null ? null : playbook.step(current).orElse(null);
    return routes.undecided(step, step == null ? null : results.get(step.id()));
  }

  /**
   * Goes on from an undecided check as if it had passed ({@code PASS}) or failed ({@code FAIL}):
   * the engineer's decision, logged as a {@link Kind#CHOSE} with the way's label.
   *
   * @return the step now current, or {@link NextRule#END}
   * @throws IllegalStateException once ended, or when the current check is not undecided
   * @throws IllegalArgumentException for {@code CHOICE}
   */
  public String goOnAs(NextRule.On on) {
    Step step = requireCurrent();
    if (on == NextRule.On.CHOICE) {
      throw new IllegalArgumentException("go on as PASS or FAIL, not " + on);
    }
    for (NextRule way : undecided()) {
      if (way.on() == on) {
        log(Kind.CHOSE, step.id(), way.label());
        return move(step, way.target());
      }
    }
    throw new IllegalStateException(
        "step " + step.id() + " has no undecided check to go on from; use next()");
  }

  /**
   * Takes the current step's choice labelled {@code label}.
   *
   * @return the step now current, or {@link NextRule#END}
   * @throws IllegalArgumentException when the step offers no such choice
   * @throws IllegalStateException once ended
   */
  public String choose(String label) {
    Step step = requireCurrent();
    for (NextRule rule : step.next()) {
      if (rule.on() == NextRule.On.CHOICE && rule.label().equals(label)) {
        routes.requireTarget(step, rule.target());
        log(Kind.CHOSE, step.id(), label);
        return move(step, rule.target());
      }
    }
    throw new IllegalArgumentException(
        "step "
            + step.id()
            + " offers no choice '"
            + label
            + "'; it offers "
            + choices().stream().map(c -> "'" + c.label() + "'").toList());
  }

  /**
   * Ticks the current step done by the user, now.
   *
   * @return the tick (the first one when the step was ticked before)
   * @throws IllegalStateException once ended
   */
  public Tick tick() {
    Step step = requireCurrent();
    Tick existing = ticks.get(step.id());
    if (existing != null) {
      return existing;
    }
    Tick t = new Tick(step.id(), user, clock.instant());
    ticks.put(step.id(), t);
    log(Kind.TICKED, step.id(), user);
    return t;
  }

  /** The ticks in the order they were made. */
  public List<Tick> ticks() {
    return List.copyOf(ticks.values());
  }

  /** Everything that happened, oldest first. */
  public List<Event> history() {
    return List.copyOf(history);
  }

  private String move(Step from, String target) {
    if (NextRule.END.equals(target)) {
      log(Kind.MOVED, from.id(), NextRule.END);
      log(Kind.ENDED, from.id(), "");
      current = null;
      return NextRule.END;
    }
    routes.requireTarget(from, target);
    log(Kind.MOVED, from.id(), target);
    enter(target);
    return target;
  }

  private void enter(String stepId) {
    current = stepId;
    results.remove(stepId);
    log(Kind.ENTERED, stepId, "");
  }

  private Step requireCurrent() {
    if (current == null) {
      throw new IllegalStateException("the walk-through of " + playbook.id() + " has ended");
    }
    return playbook.step(current).orElseThrow();
  }

  private void log(Kind kind, String stepId, String detail) {
    history.add(new Event(clock.instant(), kind, stepId, detail));
  }
}
