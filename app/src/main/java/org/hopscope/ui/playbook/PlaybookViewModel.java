package org.hopscope.ui.playbook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.Step;
import org.hopscope.playbook.PlaybookCatalog;
import org.hopscope.playbook.PlaybookRun;
import org.hopscope.playbook.PlaybookVariables;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The playbook walk-through: picker (suggested for the context, then all), variables, the run's
 * steps with their states, the current step, its check, branch choices, ticks and progress. Never
 * touches a control; backend and store work goes through the {@link TaskRunner}.
 */
public final class PlaybookViewModel {

  /** How a step stands in the walk-through. */
  public enum StepState {
    PENDING,
    CURRENT,
    DONE,
    PASSED,
    FAILED
  }

  /** A step in the step list with its state. */
  public record StepRow(Step step, StepState state) {}

  /** A picker entry: suggested ones come first. */
  public record PickerItem(Playbook playbook, boolean suggested) {}

  /** A variable of the chosen playbook, editable before start. */
  public static final class VariableField {
    private final String name;
    private final String description;
    private final StringProperty value;

    VariableField(String name, String description, String value) {
      this.name = name;
      this.description = description;
      this.value = new SimpleStringProperty(value);
    }

    public String name() {
      return name;
    }

    public String description() {
      return description;
    }

    public StringProperty value() {
      return value;
    }
  }

  private final PlaybookCatalog catalog;
  private final CheckRunner checks;
  private final StepRecorder recorder;
  private final TaskRunner runner;
  private final Clock clock;
  private final String user;

  private final ObservableList<Playbook> suggested = FXCollections.observableArrayList();
  private final ObservableList<Playbook> all = FXCollections.observableArrayList();
  private final ObservableList<PickerItem> pickerItems = FXCollections.observableArrayList();
  private final ObjectProperty<Playbook> selected = new SimpleObjectProperty<>();
  private final ObservableList<VariableField> variables = FXCollections.observableArrayList();
  private final ObjectProperty<PlaybookRun> run = new SimpleObjectProperty<>();
  private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
  private final ObjectProperty<Step> currentStep = new SimpleObjectProperty<>();
  private final StringProperty currentTitle = new SimpleStringProperty("");
  private final StringProperty currentMarkdown = new SimpleStringProperty("");
  private final StringProperty checkQuery = new SimpleStringProperty("");
  private final StringProperty checkSummary = new SimpleStringProperty("");
  private final BooleanProperty checkRunning = new SimpleBooleanProperty();
  private final ObjectProperty<CheckResult> result = new SimpleObjectProperty<>();
  private final StringProperty resultText = new SimpleStringProperty("");
  private final ObservableList<String> choices = FXCollections.observableArrayList();
  private final StringProperty tickText = new SimpleStringProperty("");
  private final BooleanProperty ticked = new SimpleBooleanProperty();
  private final BooleanProperty ended = new SimpleBooleanProperty();
  private final IntegerProperty done = new SimpleIntegerProperty();
  private final IntegerProperty total = new SimpleIntegerProperty();
  private final StringProperty progressText = new SimpleStringProperty("");
  private final StringProperty problem = new SimpleStringProperty("");
  // one read-only view each: a wrapper made per call would lose listeners to garbage collection
  private final ObservableList<Playbook> suggestedView =
      FXCollections.unmodifiableObservableList(suggested);
  private final ObservableList<Playbook> allView = FXCollections.unmodifiableObservableList(all);
  private final ObservableList<PickerItem> pickerItemsView =
      FXCollections.unmodifiableObservableList(pickerItems);
  private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
  private final ObservableList<String> choicesView =
      FXCollections.unmodifiableObservableList(choices);
  private Map<String, String> boundVars = Map.of();
  private Cancellation checkTask;
  private String contextPath;
  private String contextHop;
  private String contextWindow;

  /**
   * @param catalog the playbooks offered
   * @param checks evaluates a step's check (blocking; run through {@code runner})
   * @param recorder records checks, ticks and choices on the open incident (blocking; run through
   *     {@code runner}); {@link StepRecorder#none()} without one
   * @param runner moves work off the FX thread
   * @param clock time of ticks (UTC)
   * @param user the OS user recorded with ticks
   */
  public PlaybookViewModel(
      PlaybookCatalog catalog,
      CheckRunner checks,
      StepRecorder recorder,
      TaskRunner runner,
      Clock clock,
      String user) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.checks = Objects.requireNonNull(checks, "checks");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.user = Objects.requireNonNull(user, "user");
    all.setAll(catalog.playbooks());
    suggest(null, null);
  }

  // ---- picker -------------------------------------------------------------------------------

  /**
   * Suggests playbooks for what the engineer looks at and rebuilds the picker (suggested first).
   */
  public List<Playbook> suggest(String path, String hop) {
    List<Playbook> s =
        path == null && hop == null
            ? List.of()
            : catalog.suggest(path, hop, null).stream().filter(p -> matches(p, path, hop)).toList();
    suggested.setAll(s);
    List<PickerItem> items = new ArrayList<>();
    s.forEach(p -> items.add(new PickerItem(p, true)));
    all.stream().filter(p -> !s.contains(p)).forEach(p -> items.add(new PickerItem(p, false)));
    pickerItems.setAll(items);
    return s;
  }

  private static boolean matches(Playbook p, String path, String hop) {
    Playbook.AppliesTo a = p.appliesTo();
    return (path != null && a.paths().contains(path)) || (hop != null && a.hops().contains(hop));
  }

  /**
   * What the engineer looks at (set by the app from the flow/window view): suggests for it and
   * prefills the variables of the selected playbook. Nulls or blanks are left unbound.
   */
  public void context(String path, String hop, String window) {
    contextPath = blankToNull(path);
    contextHop = blankToNull(hop);
    contextWindow = blankToNull(window);
    suggest(contextPath, contextHop);
    if (selected.get() != null) {
      select(selected.get().id());
    }
  }

  /** Selects a playbook in the picker and fills the variables form (defaults, then context). */
  public void select(String playbookId) {
    Playbook p = catalog.playbook(playbookId).orElse(null);
    selected.set(p);
    variables.clear();
    if (p == null) {
      return;
    }
    Map<String, String> given = new LinkedHashMap<>();
    if (contextPath != null) {
      given.put("path", contextPath);
    }
    if (contextHop != null) {
      given.put("hop", contextHop);
    }
    if (contextWindow != null) {
      given.put("window", contextWindow);
    }
    Map<String, String> bound = PlaybookVariables.bind(p, null, given);
    Map<String, String> descriptions = new LinkedHashMap<>();
    p.variables().forEach(v -> descriptions.put(v.name(), v.description()));
    bound.forEach(
        (k, v) -> variables.add(new VariableField(k, descriptions.getOrDefault(k, ""), v)));
  }

  /** Starts the selected playbook with the variables as edited. */
  public void start() {
    Playbook p = selected.get();
    if (p == null) {
      problem.set("Pick a playbook first.");
      return;
    }
    Map<String, String> vars = new LinkedHashMap<>();
    variables.forEach(v -> vars.put(v.name(), v.value().get() == null ? "" : v.value().get()));
    choose(p.id(), vars);
  }

  /**
   * Starts a walk-through of {@code playbookId} with {@code vars} bound over its defaults.
   *
   * @return false (and {@link #problemProperty} says why) for an unknown playbook or variable
   */
  public boolean choose(String playbookId, Map<String, String> vars) {
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
    if (selected.get() != p.get()) {
      select(playbookId);
    }
    problem.set("");
    run.set(new PlaybookRun(p.get(), clock, user));
    refresh();
    return true;
  }

  // ---- walk-through -------------------------------------------------------------------------

  /** Runs the current step's check through the runner; a check already running is cancelled. */
  public void runCheck() {
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

  /** Cancels a running check; nothing is recorded for it. */
  public void cancelCheck() {
    if (checkTask != null) {
      checkTask.cancel();
      checkTask = null;
    }
    checkRunning.set(false);
  }

  /** Follows the current step's rules to the next step (or the end). */
  public void next() {
    PlaybookRun r = run.get();
    if (r == null || r.ended()) {
      return;
    }
    cancelCheck();
    move(r::next);
  }

  /** Takes the branch {@code label} of the current step. */
  public void choose(String label) {
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

  /** Ticks the current step done by the user, now (UTC). A second tick keeps the first. */
  public void tick() {
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
    PlaybookRun r = run.get();
    if (r == null) {
      steps.clear();
      currentStep.set(null);
      return;
    }
    Set<String> left = new HashSet<>();
    for (PlaybookRun.Event e : r.history()) {
      if (e.kind() == PlaybookRun.Kind.MOVED) {
        left.add(e.stepId());
      }
    }
    Set<String> tickedIds = new HashSet<>();
    r.ticks().forEach(t -> tickedIds.add(t.stepId()));
    Step cur = r.currentStep().orElse(null);
    List<StepRow> rows = new ArrayList<>();
    int doneCount = 0;
    for (Step s : r.playbook().steps()) {
      StepState state;
      Optional<CheckResult> res = r.result(s.id());
      if (s == cur) {
        state = StepState.CURRENT;
      } else if (res.isPresent() && res.get().outcome() == CheckResult.Outcome.PASS) {
        state = StepState.PASSED;
      } else if (res.isPresent() && res.get().outcome() == CheckResult.Outcome.FAIL) {
        state = StepState.FAILED;
      } else if (left.contains(s.id()) || tickedIds.contains(s.id())) {
        state = StepState.DONE;
      } else {
        state = StepState.PENDING;
      }
      if (state != StepState.PENDING && state != StepState.CURRENT) {
        doneCount++;
      }
      rows.add(new StepRow(s, state));
    }
    steps.setAll(rows);
    done.set(doneCount);
    total.set(rows.size());
    ended.set(r.ended());
    progressText.set(
        doneCount
            + " of "
            + rows.size()
            + " steps done"
            + (r.ended() ? " · walk-through ended" : ""));
    currentStep.set(cur);
    currentTitle.set(cur == null ? "Walk-through ended" : cur.title());
    currentMarkdown.set(cur == null ? WalkText.endSummary(rows) : cur.markdown());
    Check check = cur == null ? null : cur.check();
    checkQuery.set(check == null ? "" : boundQuery(check));
    checkSummary.set(check == null ? "" : WalkText.summary(check));
    CheckResult res = r.result().orElse(null);
    result.set(res);
    resultText.set(res == null ? "" : WalkText.describe(res));
    choices.setAll(r.choices().stream().map(NextRule::label).toList());
    PlaybookRun.Tick tick =
        cur == null
            ? null
            : r.ticks().stream().filter(t -> t.stepId().equals(cur.id())).findFirst().orElse(null);
    ticked.set(tick != null);
    tickText.set(tick == null ? "" : WalkText.tickText(tick.user(), tick.at()));
  }

  private String boundQuery(Check check) {
    try {
      return PlaybookVariables.substitute(check.query(), boundVars);
    } catch (IllegalArgumentException e) {
      return check.query();
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  // ---- properties ---------------------------------------------------------------------------

  public ObservableList<Playbook> suggested() {
    return suggestedView;
  }

  public ObservableList<Playbook> all() {
    return allView;
  }

  public ObservableList<PickerItem> pickerItems() {
    return pickerItemsView;
  }

  public ReadOnlyObjectProperty<Playbook> selectedProperty() {
    return selected;
  }

  /** The variables form of the selected playbook (edit the values, then {@link #start()}). */
  public ObservableList<VariableField> variables() {
    return variables;
  }

  /** The variables the running walk-through was started with. */
  public Map<String, String> boundVariables() {
    return boundVars;
  }

  public ReadOnlyObjectProperty<PlaybookRun> runProperty() {
    return run;
  }

  public ObservableList<StepRow> steps() {
    return stepsView;
  }

  public ReadOnlyObjectProperty<Step> currentStepProperty() {
    return currentStep;
  }

  public ReadOnlyStringProperty currentTitleProperty() {
    return currentTitle;
  }

  public ReadOnlyStringProperty currentMarkdownProperty() {
    return currentMarkdown;
  }

  /** The current step's check query with the variables substituted; "" without a check. */
  public ReadOnlyStringProperty checkQueryProperty() {
    return checkQuery;
  }

  public ReadOnlyStringProperty checkSummaryProperty() {
    return checkSummary;
  }

  public ReadOnlyBooleanProperty checkRunningProperty() {
    return checkRunning;
  }

  /** The current step's check result in this visit; null before a check ran. */
  public ReadOnlyObjectProperty<CheckResult> resultProperty() {
    return result;
  }

  public ReadOnlyStringProperty resultTextProperty() {
    return resultText;
  }

  /** The current step's branch labels, in file order. */
  public ObservableList<String> choices() {
    return choicesView;
  }

  public ReadOnlyStringProperty tickTextProperty() {
    return tickText;
  }

  public ReadOnlyBooleanProperty tickedProperty() {
    return ticked;
  }

  public ReadOnlyBooleanProperty endedProperty() {
    return ended;
  }

  public ReadOnlyIntegerProperty doneProperty() {
    return done;
  }

  public ReadOnlyIntegerProperty totalProperty() {
    return total;
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText;
  }

  /** What went wrong last ("" when nothing). */
  public ReadOnlyStringProperty problemProperty() {
    return problem;
  }

  public String user() {
    return user;
  }
}
