package org.hopscope.ui.compare;

import java.time.Instant;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.Comparison;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.FollowedId;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * One comparison of a message with a healthy one (or one the user names): runs through the injected
 * {@link TaskRunner}, cancellable; a newer comparison cancels the older one and a cancelled one
 * never overwrites what is shown. Nothing here touches a control.
 */
public final class CompareViewModel {

  /** Where the comparison stands. */
  public enum State {
    IDLE,
    COMPARING,
    /** Compared: {@link #comparisonProperty()} has both sides. */
    DONE,
    /** Nothing to compare with: the comparison's basis says what was searched. */
    NONE,
    FAILED,
    CANCELLED
  }

  /** The engine call ({@code Engine::compare} bound to the current path). */
  @FunctionalInterface
  public interface CompareSearch {
    Comparison compare(
        String id, String with, TimeWindow window, Instant asOf, Cancellation cancel);
  }

  private final CompareSearch search;
  private final TaskRunner runner;
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
  private final ReadOnlyObjectWrapper<Comparison> comparison =
      new ReadOnlyObjectWrapper<>(this, "comparison");
  private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper(this, "subject", "");
  private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final StringProperty other = new SimpleStringProperty(this, "other", "");
  private TimeWindow window;
  private Instant asOf;
  private Cancellation running;

  public CompareViewModel(CompareSearch search, TaskRunner runner) {
    this.search = search;
    this.runner = runner;
  }

  /**
   * Compares {@code id} with the nearest OK message of the path (as of {@code asOf}, flows searched
   * in {@code window}, as the flow it comes from was).
   */
  public void compareWithHealthy(String id, TimeWindow window, Instant asOf) {
    this.window = window;
    this.asOf = asOf;
    subject.set(id);
    other.set("");
    start(null);
  }

  /** Compares {@code id} with the message {@code with} (as {@link #compareWithHealthy} else). */
  public void compareWith(String id, String with, TimeWindow window, Instant asOf) {
    this.window = window;
    this.asOf = asOf;
    subject.set(id);
    other.set(with);
    compareWithNamed();
  }

  /** Compares the same subject with the message named in {@link #otherProperty()}. */
  public void compareWithNamed() {
    String with = other.get() == null ? "" : other.get().strip();
    String bad = with.isEmpty() ? "is empty" : FollowedId.problem(with);
    if (bad != null) {
      problem.set("The message to compare with " + bad + ": type its message ID.");
      return;
    }
    start(with);
  }

  /** Compares the same subject with the nearest OK message again (after naming one). */
  public void compareWithHealthyAgain() {
    other.set("");
    start(null);
  }

  private void start(String with) {
    if (subject.get().isEmpty()) {
      return;
    }
    cancelRunning();
    String id = subject.get();
    problem.set("");
    progress.set(
        with == null
            ? "Looking for an OK message near " + id + " and comparing…"
            : "Comparing " + id + " with " + with + "…");
    state.set(State.COMPARING);
    TimeWindow w = window;
    Instant at = asOf;
    running =
        runner.run(
            "compare " + id, c -> search.compare(id, with, w, at, c), this::show, this::fail);
  }

  /** Cancels a comparison still running; what was shown before stays. */
  public void cancel() {
    if (state.get() == State.COMPARING) {
      cancelRunning();
      progress.set("");
      state.set(State.CANCELLED);
    }
  }

  private void cancelRunning() {
    if (running != null) {
      running.cancel();
      running = null;
    }
  }

  private void show(Comparison result) {
    running = null;
    progress.set("");
    comparison.set(result);
    state.set(result.other() == null ? State.NONE : State.DONE);
  }

  private void fail(Throwable failure) {
    running = null;
    progress.set("");
    problem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
    state.set(State.FAILED);
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The latest comparison; stays when a later one fails or is cancelled. */
  public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
    return comparison.getReadOnlyProperty();
  }

  /** The message being explained. */
  public ReadOnlyStringProperty subjectProperty() {
    return subject.getReadOnlyProperty();
  }

  /** What is being done while {@link State#COMPARING}, else empty. */
  public ReadOnlyStringProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Why the last comparison failed (names the backend), or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** The message the user names to compare with (bound to a text field). */
  public StringProperty otherProperty() {
    return other;
  }
}
