package org.hopscope.ui.playbook;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.Playbook;
import org.hopscope.model.playbook.PlaybookLink;
import org.hopscope.model.playbook.PlaybookRun;
import org.hopscope.model.playbook.Step;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.task.TaskRunner;

/**
 * The playbook walk-through: picker (suggested for the context, then all; {@link PlaybookPicker}),
 * variables, the run's steps with their states, the current step, its check, branch choices, ticks
 * and progress ({@link WalkState}). Never touches a control; backend and store work goes through
 * the {@link TaskRunner}.
 */
public final class PlaybookViewModel {

  /** How a step stands in the walk-through. */
  public enum StepState {
    PENDING,
    CURRENT,
    DONE,
    PASSED,
    FAILED,
    /** Its check found no data: not decided (grey). */
    NO_DATA,
    /** Its check could not run. */
    ERROR
  }

  public record StepRow(Step step, StepState state) {}

  /**
   * A picker entry: suggested ones come first.
   *
   * @param why why it is suggested for the context ({@link
   *     org.hopscope.oncall.Playbooks#whySuggested}, e.g. "applies to fulfilment-service"), or null
   *     when it is not
   */
  public record PickerItem(Playbook playbook, String why) {

    /** Whether it is suggested for the context. */
    public boolean suggested() {
      return why != null;
    }
  }

  private final PlaybookCatalog catalog;
  private final PlaybookPicker picker;
  private final Walkthrough walkthrough;
  private final WalkState walk;

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
    this.picker = new PlaybookPicker(catalog);
    this.walkthrough =
        new Walkthrough(
            picker,
            Objects.requireNonNull(checks, "checks"),
            Objects.requireNonNull(recorder, "recorder"),
            Objects.requireNonNull(runner, "runner"),
            Objects.requireNonNull(clock, "clock"),
            Objects.requireNonNull(user, "user"));
    this.walk = walkthrough.walk;
  }

  // ---- picker -------------------------------------------------------------------------------

  /**
   * Suggests playbooks for what the engineer looks at and rebuilds the picker (suggested first).
   */
  public List<Playbook> suggest(String path, String hop) {
    return picker.suggest(path, hop);
  }

  /**
   * What the engineer looks at (set by the app from the search bar, the flow and the open
   * incident): suggests for it and prefills the variables of the selected playbook (a variable the
   * playbook pins keeps its value). Blank path or hop: unbound.
   *
   * @param window the window checks look at when no alert link gives one (the open incident's, a
   *     fixed search window); null: as of now over the playbook's window
   */
  public void context(String path, String hop, CheckWindow window) {
    picker.context(path, hop, window);
  }

  /** Selects a playbook in the picker and fills the variables form (defaults, then context). */
  public void select(String playbookId) {
    picker.select(playbookId);
  }

  /** Starts the selected playbook with the variables as edited. */
  public void start() {
    walkthrough.start();
  }

  /**
   * Starts a walk-through of {@code playbookId} with {@code vars} typed into the form over its
   * defaults and the context.
   *
   * @return false (and {@link #problemProperty} says why) for an unknown playbook or variable
   */
  public boolean choose(String playbookId, Map<String, String> vars) {
    return walkthrough.choose(playbookId, vars);
  }

  /**
   * Opens an alert link: its playbook, every one of its variables in the form (marked as the
   * link's), its {@code from}/{@code to} as the window the checks run as of; then starts.
   *
   * @return false (and {@link #problemProperty} says why) for an unknown playbook or variable
   */
  public boolean open(PlaybookLink link) {
    return walkthrough.open(link);
  }

  // ---- walk-through -------------------------------------------------------------------------

  /** Runs the current step's check through the runner; a check already running is cancelled. */
  public void runCheck() {
    walkthrough.runCheck();
  }

  /** Cancels a running check; nothing is recorded for it. */
  public void cancelCheck() {
    walkthrough.cancelCheck();
  }

  /** Follows the current step's rules to the next step (or the end). */
  public void next() {
    walkthrough.next();
  }

  /** Takes the branch {@code label} of the current step. */
  public void choose(String label) {
    walkthrough.choose(label);
  }

  /**
   * Goes on from a check that was not decided (NO DATA, ERROR) as if it passed ({@code PASS}) or
   * failed ({@code FAIL}): the engineer's decision, recorded as a choice.
   */
  public void goOnAs(NextRule.On on) {
    walkthrough.goOnAs(on);
  }

  /** Ticks the current step done by the user, now (UTC). A second tick keeps the first. */
  public void tick() {
    walkthrough.tick();
  }

  // ---- properties ---------------------------------------------------------------------------

  public ObservableList<Playbook> suggested() {
    return picker.suggestedView;
  }

  public ObservableList<PickerItem> pickerItems() {
    return picker.pickerItemsView;
  }

  public ReadOnlyObjectProperty<Playbook> selectedProperty() {
    return picker.selected();
  }

  /** The variables form of the selected playbook (edit the values, then {@link #start()}). */
  public ObservableList<VariableField> variables() {
    return picker.variables();
  }

  /** The variables the running walk-through was started with. */
  public Map<String, String> boundVariables() {
    return walkthrough.boundVariables();
  }

  public ReadOnlyObjectProperty<PlaybookRun> runProperty() {
    return walkthrough.run;
  }

  public ObservableList<StepRow> steps() {
    return walk.stepsView;
  }

  public ReadOnlyObjectProperty<Step> currentStepProperty() {
    return walk.currentStep;
  }

  public ReadOnlyStringProperty currentTitleProperty() {
    return walk.currentTitle;
  }

  public ReadOnlyStringProperty currentMarkdownProperty() {
    return walk.currentMarkdown;
  }

  /** The current step's check query with the variables substituted; "" without a check. */
  public ReadOnlyStringProperty checkQueryProperty() {
    return walk.checkQuery;
  }

  public ReadOnlyStringProperty checkSummaryProperty() {
    return walk.checkSummary;
  }

  /** When the current step's check runs as of ("Runs as of the end of ..."); "" without check. */
  public ReadOnlyStringProperty asOfTextProperty() {
    return walk.asOfText;
  }

  /**
   * The ways on when the current step's check ran but was not decided (NO DATA, ERROR) and passing
   * and failing lead to different steps: PASS then FAIL, each with its target; empty otherwise.
   * {@link #next()} is refused meanwhile.
   */
  public ObservableList<NextRule> undecided() {
    return walk.undecidedView;
  }

  /** What the walk-through says about an undecided check ("" when none). */
  public ReadOnlyStringProperty undecidedTextProperty() {
    return walk.undecidedText;
  }

  /** "As if it passed: end the walk-through" for a way of {@link #undecided()}. */
  public String wayText(NextRule way) {
    PlaybookRun r = walkthrough.run.get();
    return r == null ? "" : WalkText.way(way, r.playbook());
  }

  /** The window the running walk-through's checks look at; null: as of now. */
  public CheckWindow checkWindow() {
    return walkthrough.window();
  }

  public ReadOnlyBooleanProperty checkRunningProperty() {
    return walkthrough.checkRunning;
  }

  /** The current step's check result in this visit; null before a check ran. */
  public ReadOnlyObjectProperty<CheckResult> resultProperty() {
    return walk.result;
  }

  public ReadOnlyStringProperty resultTextProperty() {
    return walk.resultText;
  }

  /** The current step's branch labels, in file order. */
  public ObservableList<String> choices() {
    return walk.choicesView;
  }

  public ReadOnlyStringProperty tickTextProperty() {
    return walk.tickText;
  }

  public ReadOnlyBooleanProperty tickedProperty() {
    return walk.ticked;
  }

  public ReadOnlyBooleanProperty endedProperty() {
    return walk.ended;
  }

  public ReadOnlyIntegerProperty doneProperty() {
    return walk.done;
  }

  public ReadOnlyIntegerProperty totalProperty() {
    return walk.total;
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return walk.progressText;
  }

  /**
   * The located problems of the playbook files that could not be read (the valid ones are offered
   * all the same), as {@code file-name:line:column: what, what to do}; empty when all loaded.
   */
  public List<String> catalogProblems() {
    return located().stream().map(CatalogProblems.Located::toString).toList();
  }

  /** {@link #catalogProblems()} with location and message apart (for the picker's layout). */
  List<CatalogProblems.Located> located() {
    return CatalogProblems.located(catalog.problems());
  }

  /** "N playbook files could not be read" (counting files), or "" when all loaded. */
  public String catalogProblemsTitle() {
    return CatalogProblems.title(catalog.problems());
  }

  /** What went wrong last ("" when nothing). */
  public ReadOnlyStringProperty problemProperty() {
    return walkthrough.problem;
  }
}
