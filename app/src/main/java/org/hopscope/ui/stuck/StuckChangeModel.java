package org.hopscope.ui.stuck;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.hopscope.model.StuckBaseline;
import org.hopscope.model.StuckComparison;
import org.hopscope.model.StuckReport;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * "What changed" for the stuck view: the baseline chosen (null: off) and the comparison of the
 * finished analysis with it, computed by the engine ({@code Engine.compare}) through the injected
 * {@link TaskRunner}. A new analysis or another baseline cancels a comparison still running;
 * changing the baseline compares the analysis shown again without re-running it.
 */
public final class StuckChangeModel {

  /** The engine call ({@code Engine.compare} bound to a path in the app). */
  @FunctionalInterface
  public interface StuckCompare {
    StuckComparison compare(StuckReport report, StuckBaseline baseline, Cancellation cancel);
  }

  private final TaskRunner runner;
  private final ObjectProperty<StuckBaseline> baseline =
      new SimpleObjectProperty<>(this, "baseline");
  private final ReadOnlyObjectWrapper<StuckComparison> comparison =
      new ReadOnlyObjectWrapper<>(this, "comparison");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private StuckCompare compare;
  private StuckReport report;
  private Cancellation running;

  StuckChangeModel(TaskRunner runner) {
    this.runner = runner;
    baseline.addListener((o, was, b) -> reportChanged(report));
  }

  /** Where comparisons come from; until set, choosing a baseline says comparing is unavailable. */
  public void compareWith(StuckCompare compare) {
    this.compare = compare;
  }

  /** The analysis shown changed (null: none, or one is running): compares it when asked to. */
  void reportChanged(StuckReport shown) {
    if (running != null) {
      running.cancel();
      running = null;
    }
    report = shown;
    comparison.set(null);
    problem.set("");
    StuckBaseline b = baseline.get();
    if (b == null) {
      status.set("");
      return;
    }
    if (shown == null) {
      status.set("The comparison follows when the analysis completes.");
      return;
    }
    if (compare == null) {
      status.set("Comparing is not available here.");
      problem.set(status.get());
      return;
    }
    status.set("Comparing with " + b.words(shown.window()) + "\u2026");
    boolean[] finished = {false};
    // a cancelled task calls neither callback (TaskRunner), so whatever arrives is current
    Cancellation task =
        runner.run(
            "compare " + b.argument(),
            c -> compare.compare(shown, b, c),
            result -> {
              finished[0] = true;
              running = null;
              comparison.set(result);
              status.set("");
            },
            failure -> {
              finished[0] = true;
              running = null;
              status.set(
                  "Could not compare with "
                      + b.words(shown.window())
                      + ": "
                      + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
              problem.set(status.get());
            });
    if (!finished[0]) {
      running = task;
    }
  }

  /** The baseline to compare with; null: comparing is off. */
  public ObjectProperty<StuckBaseline> baselineProperty() {
    return baseline;
  }

  /** The comparison of the analysis shown; null when off, running, failed or no analysis. */
  public ReadOnlyObjectProperty<StuckComparison> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }

  /** Why the comparison asked for could not be made (as the status says it), or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** "Comparing with the previous 50 min...", why it failed, or empty. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
