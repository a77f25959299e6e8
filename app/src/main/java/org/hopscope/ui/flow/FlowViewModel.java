package org.hopscope.ui.flow;

import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hopscope.model.Flow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.Notice;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.SearchWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The one-message search: what the user typed, the window, and the latest flow. Searches run
 * through the injected {@link TaskRunner}; a newer search cancels the older one (latest only), and
 * a cancelled search never overwrites what is shown. Views bind to the properties; nothing here
 * touches a control.
 */
public final class FlowViewModel {

  /** Where the search stands. */
  public enum State {
    IDLE,
    SEARCHING,
    DONE,
    NO_EVIDENCE,
    FAILED,
    CANCELLED
  }

  /** The engine call ({@code FlowAssembler::assemble} bound to a path in the app). */
  @FunctionalInterface
  public interface FlowSearch {
    Flow find(String id, TimeWindow window, Instant asOf, Cancellation cancel);
  }

  private final FlowSearch search;
  private final TaskRunner runner;
  private final Clock clock;
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "window");
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
  private final ReadOnlyObjectWrapper<Flow> flow = new ReadOnlyObjectWrapper<>(this, "flow");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyStringWrapper partial = new ReadOnlyStringWrapper(this, "partial", "");
  private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
  private final ReadOnlyObjectWrapper<java.time.Duration> lastTook =
      new ReadOnlyObjectWrapper<>(this, "lastTook");
  private Cancellation running;
  private Instant started;

  public FlowViewModel(FlowSearch search, TaskRunner runner, Clock clock) {
    this.search = search;
    this.runner = runner;
    this.clock = clock;
  }

  /** Searches for {@link #queryProperty()}; cancels a search still running. */
  public void search() {
    String id = query.get() == null ? "" : query.get().strip();
    if (id.isEmpty()) {
      problem.set("Type a message ID, an ERP document number or a trace ID.");
      return;
    }
    cancelRunning();
    TimeWindow w = window.get();
    Instant asOf = SearchWindow.asOf(w, clock.instant());
    state.set(State.SEARCHING);
    problem.set("");
    started = clock.instant();
    lastTook.set(null); // so two answers of equal duration still both report
    running = runner.run("flow " + id, c -> search.find(id, w, asOf, c), this::show, this::fail);
  }

  /** Cancels the running search; what was shown before stays. */
  public void cancel() {
    if (state.get() == State.SEARCHING) {
      cancelRunning();
      state.set(State.CANCELLED);
    }
  }

  private void cancelRunning() {
    if (running != null) {
      running.cancel();
      running = null;
    }
  }

  private void show(Flow result) {
    running = null;
    lastTook.set(java.time.Duration.between(started, clock.instant()));
    flow.set(result);
    partial.set(texts(result, true));
    notes.set(texts(result, false));
    state.set(result.verdict() == HopVerdict.NO_EVIDENCE ? State.NO_EVIDENCE : State.DONE);
  }

  /**
   * Shows {@code problem} as a failed search (e.g. the profile could not be opened); what was shown
   * before stays.
   */
  public void fail(String problem) {
    cancelRunning();
    this.problem.set(problem);
    state.set(State.FAILED);
  }

  private void fail(Throwable failure) {
    running = null;
    problem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
    state.set(State.FAILED);
  }

  /** How long the last search that found an answer took (for the status bar), or null. */
  public ReadOnlyObjectProperty<java.time.Duration> lastTookProperty() {
    return lastTook.getReadOnlyProperty();
  }

  public StringProperty queryProperty() {
    return query;
  }

  /** The window to search in; null searches without a time bound as of now. */
  public ObjectProperty<TimeWindow> windowProperty() {
    return window;
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** The latest flow found; stays when a later search fails or is cancelled. */
  public ReadOnlyObjectProperty<Flow> flowProperty() {
    return flow.getReadOnlyProperty();
  }

  /** Why the last search failed (names the backend and URL), or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Which source failed while the flow still came back (e.g. metrics unavailable), or empty. */
  public ReadOnlyStringProperty partialProperty() {
    return partial.getReadOnlyProperty();
  }

  /**
   * The latest flow's other notices (limits hit, clock skew clamped, events left out), one a line,
   * or empty.
   */
  public ReadOnlyStringProperty notesProperty() {
    return notes.getReadOnlyProperty();
  }

  /** The texts of the flow's notices about a failed source, or of the others; one a line. */
  private static String texts(Flow f, boolean failedSource) {
    return String.join(
        "\n",
        f.notices().stream()
            .filter(n -> n instanceof Notice.MetricsUnavailable == failedSource)
            .map(Notice::text)
            .toList());
  }
}
