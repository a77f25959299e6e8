package org.hopscope.ui.playbook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.playbook.Check;
import org.hopscope.model.playbook.CheckResult;
import org.hopscope.model.playbook.CheckWindow;
import org.hopscope.model.playbook.NextRule;
import org.hopscope.model.playbook.PlaybookRun;
import org.hopscope.model.playbook.PlaybookVariables;
import org.hopscope.model.playbook.Step;
import org.hopscope.ui.playbook.PlaybookViewModel.StepRow;
import org.hopscope.ui.playbook.PlaybookViewModel.StepState;

/**
 * What the walk-through shows of a run: the step list with states, progress, the current step, its
 * check (query with the variables bound, when it runs as of, result), the ways on from an undecided
 * check, branch choices and tick. {@link #show} recomputes it all from the run.
 */
final class WalkState {

  final ObservableList<StepRow> steps = FXCollections.observableArrayList();
  final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
  final ObjectProperty<Step> currentStep = new SimpleObjectProperty<>();
  final StringProperty currentTitle = new SimpleStringProperty("");
  final StringProperty currentMarkdown = new SimpleStringProperty("");
  final StringProperty checkQuery = new SimpleStringProperty("");
  final StringProperty checkSummary = new SimpleStringProperty("");
  final ObjectProperty<CheckResult> result = new SimpleObjectProperty<>();
  final StringProperty resultText = new SimpleStringProperty("");
  final StringProperty asOfText = new SimpleStringProperty("");
  final ObservableList<NextRule> undecided = FXCollections.observableArrayList();
  final ObservableList<NextRule> undecidedView =
      FXCollections.unmodifiableObservableList(undecided);
  final StringProperty undecidedText = new SimpleStringProperty("");
  final ObservableList<String> choices = FXCollections.observableArrayList();
  final ObservableList<String> choicesView = FXCollections.unmodifiableObservableList(choices);
  final StringProperty tickText = new SimpleStringProperty("");
  final BooleanProperty ticked = new SimpleBooleanProperty();
  final BooleanProperty ended = new SimpleBooleanProperty();
  final IntegerProperty done = new SimpleIntegerProperty();
  final IntegerProperty total = new SimpleIntegerProperty();
  final StringProperty progressText = new SimpleStringProperty("");

  /**
   * Shows run {@code r} (null: no walk-through) with {@code boundVars} substituted in queries, its
   * checks looking at {@code window} (null: as of now).
   */
  void show(PlaybookRun r, Map<String, String> boundVars, CheckWindow window) {
    if (r == null) {
      steps.clear();
      currentStep.set(null);
      undecided.clear();
      return;
    }
    Step cur = r.currentStep().orElse(null);
    List<StepRow> rows = rows(r, cur);
    boolean curTicked =
        cur != null && r.ticks().stream().anyMatch(t -> t.stepId().equals(cur.id()));
    // the current step counts once ticked Done, not only once the walk moved on from it
    int doneCount =
        (int)
            rows.stream()
                .filter(
                    row ->
                        row.state() != StepState.PENDING
                            && (row.state() != StepState.CURRENT || curTicked))
                .count();
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
    checkQuery.set(check == null ? "" : boundQuery(check, boundVars));
    checkSummary.set(check == null ? "" : WalkText.summary(check));
    CheckResult res = r.result().orElse(null);
    asOfText.set(check == null ? "" : WalkText.asOf(window));
    result.set(res);
    resultText.set(res == null ? "" : WalkText.describe(res));
    undecided.setAll(r.undecided());
    undecidedText.set(res == null || undecided.isEmpty() ? "" : WalkText.undecided(res));
    choices.setAll(r.choices().stream().map(NextRule::label).toList());
    PlaybookRun.Tick tick =
        cur == null
            ? null
            : r.ticks().stream().filter(t -> t.stepId().equals(cur.id())).findFirst().orElse(null);
    ticked.set(tick != null);
    tickText.set(tick == null ? "" : WalkText.tickText(tick.user(), tick.at()));
  }

  private static List<StepRow> rows(PlaybookRun r, Step cur) {
    Set<String> left = new HashSet<>();
    for (PlaybookRun.Event e : r.history()) {
      if (e.kind() == PlaybookRun.Kind.MOVED) {
        left.add(e.stepId());
      }
    }
    Set<String> tickedIds = new HashSet<>();
    r.ticks().forEach(t -> tickedIds.add(t.stepId()));
    List<StepRow> rows = new ArrayList<>();
    for (Step s : r.playbook().steps()) {
      StepState state;
      Optional<CheckResult> res = r.result(s.id());
      if (s == cur) {
        state = StepState.CURRENT;
      } else if (res.isPresent() && res.get().outcome() == CheckResult.Outcome.PASS) {
        state = StepState.PASSED;
      } else if (res.isPresent() && res.get().outcome() == CheckResult.Outcome.FAIL) {
        state = StepState.FAILED;
      } else if (res.isPresent() && res.get().outcome() == CheckResult.Outcome.NO_DATA) {
        state = StepState.NO_DATA;
      } else if (res.isPresent() && res.get().outcome() == CheckResult.Outcome.ERROR) {
        state = StepState.ERROR;
      } else if (left.contains(s.id()) || tickedIds.contains(s.id())) {
        state = StepState.DONE;
      } else {
        state = StepState.PENDING;
      }
      rows.add(new StepRow(s, state));
    }
    return rows;
  }

  private static String boundQuery(Check check, Map<String, String> boundVars) {
    try {
      return PlaybookVariables.substitute(check.query(), boundVars);
    } catch (IllegalArgumentException e) {
      return check.query();
    }
  }
}
