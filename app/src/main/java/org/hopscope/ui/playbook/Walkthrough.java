package org.hopscope.ui.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.model.playbook.PlaybookRun;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The actions of a walk-through: start (from the form, or from an alert link), run a check (off the
 * FX thread, as of the walk-through's window's end, or now without one), move on, take a branch, go
 * on from an undecided check, tick; each is recorded through the {@link StepRecorder} and shown
 * through the {@link WalkState}.
 */
final class Walkthrough {

  private final PlaybookPicker picker;
  private final CheckRunner checks;
  private final StepRecorder recorder;
  private final TaskRunner runner;
  private final Clock clock;
  private final String user;
  final WalkState walk = new WalkState();
  final ObjectProperty<PlaybookRun> run = new SimpleObjectProperty<>();
  final BooleanProperty checkRunning = new SimpleBooleanProperty();
  final StringProperty problem = new SimpleStringProperty("");
  private Map<String, String> boundVars = Map.of();
  private CheckWindow window;
  private Cancellation checkTask;

  Walkthrough(
      PlaybookPicker picker,
      CheckRunner checks,
      StepRecorder recorder,
      TaskRunner runner,
      Clock clock,
      String user) {
    this.picker = picker;
    this.checks = checks;
    this.recorder = recorder;
    this.runner = runner;
    this.clock = clock;
    this.user = user;
  }

  Map<String, String> boundVariables() {
    return boundVars;
  }

  /** The window the running walk-through's checks look at; null: as of now. */
  CheckWindow window() {
    return window;
  }

  /** Starts the selected playbook with the form's values and the picker's window. */
  void start() {
    Playbook p = picker.selected().get();
    if (p == null) {
      problem.set("Pick a playbook first.");
      return;
    }
    begin(p, picker.edited(), picker.window());
  }

  /** Fills the form with {@code vars} (typed) and starts. */
  boolean choose(String playbookId, Map<String, String> vars) {
    return startFrom(() -> picker.select(playbookId, vars));
  }

  /** Fills the form from an alert link (its values, its window) and starts. */
  boolean open(PlaybookLink link) {
    return startFrom(() -> picker.select(link));
  }

  private boolean startFrom(Runnable select) {
    cancelCheck();
    try {
      select.run();
    } catch (IllegalArgumentException e) {
      problem.set(e.getMessage());
      return false;
    }
    return begin(picker.selected().get(), picker.edited(), picker.window());
  }

  private boolean begin(Playbook p, Map<String, String> vars, CheckWindow checkWindow) {
    cancelCheck();
    try {
      boundVars = PlaybookVariables.bind(p, null, vars);
    } catch (IllegalArgumentException e) {
      problem.set(e.getMessage());
      return false;
    }
    window = checkWindow;
    problem.set("");
    run.set(new PlaybookRun(p, clock, user));
    refresh();
    return true;
  }

  // ---- walk-through -------------------------------------------------------------------------

  void runCheck() {
    PlaybookRun r = run.get();
    Step step = r == null ? null : r.currentStep().orElse(null);
    if (step == null || step.check() == null) {
      return;
    }
    cancelCheck();
    Map<String, String> vars = boundVars;
    Playbook playbook = r.playbook();
    Instant asOf = window == null ? clock.instant() : window.asOf(clock.instant());
    checkRunning.set(true);
    problem.set("");
    checkTask =
        runner.run(
            "check " + step.id(),
            c -> checks.run(step, vars, asOf, c),
            res -> {
              checkTask = null;
              checkRunning.set(false);
              if (run.get() != r || r.currentStep().orElse(null) != step) {
                return;
              }
              r.record(res);
              record("record check " + step.id(), () -> recorder.checked(playbook, res));
              refresh();
            },
            err -> {
              checkTask = null;
              checkRunning.set(false);
              problem.set("The check failed to run: " + err.getMessage());
            });
  }

  void cancelCheck() {
    if (checkTask != null) {
      checkTask.cancel();
      checkTask = null;
    }
    checkRunning.set(false);
  }

  void next() {
    PlaybookRun r = run.get();
    if (r == null || r.ended()) {
      return;
    }
    cancelCheck();
    move(r::next);
  }

  void choose(String label) {
    PlaybookRun r = run.get();
    if (r == null || r.ended()) {
      return;
    }
    Step step = r.currentStep().orElseThrow();
    cancelCheck();
    if (move(() -> r.choose(label))) {
      record("record choice " + step.id(), () -> recorder.chose(r.playbook(), step, label));
    }
  }

  /** Goes on from an undecided check (NO DATA, ERROR) as if it passed or failed. */
  void goOnAs(NextRule.On on) {
    PlaybookRun r = run.get();
    if (r == null || r.ended()) {
      return;
    }
    Step step = r.currentStep().orElseThrow();
    String label =
        r.undecided().stream()
            .filter(w -> w.on() == on)
            .map(NextRule::label)
            .findFirst()
            .orElse("");
    cancelCheck();
    if (move(() -> r.goOnAs(on))) {
      record("record choice " + step.id(), () -> recorder.chose(r.playbook(), step, label));
    }
  }

  void tick() {
    PlaybookRun r = run.get();
    if (r == null || r.ended()) {
      return;
    }
    Step step = r.currentStep().orElseThrow();
    boolean first = r.ticks().stream().noneMatch(t -> t.stepId().equals(step.id()));
    PlaybookRun.Tick t = r.tick();
    if (first) {
      record(
          "record tick " + step.id(), () -> recorder.ticked(r.playbook(), step, t.user(), t.at()));
    }
    refresh();
  }

  private boolean move(java.util.function.Supplier<String> action) {
    try {
      action.get();
      problem.set("");
      return true;
    } catch (RuntimeException e) {
      problem.set(e.getMessage());
      return false;
    } finally {
      refresh();
    }
  }

  private void record(String name, Runnable write) {
    runner.run(
        name,
        c -> {
          write.run();
          return Boolean.TRUE;
        },
        ok -> {},
        err -> problem.set("Could not record on the incident: " + err.getMessage()));
  }

  private void refresh() {
    walk.show(run.get(), boundVars, window);
  }
}
