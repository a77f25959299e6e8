package org.hopscope.ui.playbook;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookRun;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The actions of a walk-through: start, run a check (off the FX thread), move on, take a branch,
 * tick; each is recorded through the {@link StepRecorder} and shown through the {@link WalkState}.
 */
final class Walkthrough {

  private final PlaybookCatalog catalog;
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
  private Cancellation checkTask;

  Walkthrough(
      PlaybookCatalog catalog,
      PlaybookPicker picker,
      CheckRunner checks,
      StepRecorder recorder,
      TaskRunner runner,
      Clock clock,
      String user) {
    this.catalog = catalog;
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

  void start() {
    Playbook p = picker.selected().get();
    if (p == null) {
      problem.set("Pick a playbook first.");
      return;
    }
    choose(p.id(), picker.edited());
  }

  boolean choose(String playbookId, Map<String, String> vars) {
    cancelCheck();
    Optional<Playbook> p = catalog.playbook(playbookId);
    if (p.isEmpty()) {
      problem.set("No playbook '" + playbookId + "'.");
      return false;
    }
    try {
      boundVars = PlaybookVariables.bind(p.get(), null, vars);
    } catch (IllegalArgumentException e) {
      problem.set(e.getMessage());
      return false;
    }
    if (picker.selected().get() != p.get()) {
      picker.select(playbookId);
    }
    problem.set("");
    run.set(new PlaybookRun(p.get(), clock, user));
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
    checkRunning.set(true);
    problem.set("");
    checkTask =
        runner.run(
            "check " + step.id(),
            c -> checks.run(step, vars, c),
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
    walk.show(run.get(), boundVars);
  }
}
