package org.hopscope.ui.flow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

  /**
   * The engine call that may hand on a first answer before the whole one ({@code Engine.flow} with
   * its {@code early}): a message with many events is shown while the rest is read.
   */
  @FunctionalInterface
  public interface StagedFlowSearch {
    Flow find(
        String id,
        TimeWindow window,
        Instant asOf,
        Cancellation cancel,
        java.util.function.Consumer<Flow> early);
  }

  /**
   * What the flow view asks of whoever holds the search bar: open another message (a batch member,
   * a batch) or search the current message over a longer window. The shell installs one that goes
   * through its window choice and history; without one, both search here.
   */
  public interface Navigator {
    /** Searches {@code id} over the chosen window. */
    void open(String id);

    /** Searches the current message over the window of this length ending now. */
    void searchLast(java.time.Duration length);
  }

  private final StagedFlowSearch search;
  private final TaskRunner runner;
  private final Clock clock;
  private final StringProperty query = new SimpleStringProperty(this, "query", "");
  private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "window");
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
  private final ReadOnlyObjectWrapper<Flow> flow = new ReadOnlyObjectWrapper<>(this, "flow");
  private final ReadOnlyObjectWrapper<Flow> shown = new ReadOnlyObjectWrapper<>(this, "shown");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyStringWrapper partial = new ReadOnlyStringWrapper(this, "partial", "");
  private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper(this, "notes", "");
  private final ReadOnlyObjectWrapper<java.time.Duration> lastTook =
      new ReadOnlyObjectWrapper<>(this, "lastTook");
  private final ReadOnlyObjectWrapper<List<FlowSummary.Line>> summary =
      new ReadOnlyObjectWrapper<>(this, "summary", List.of());
  private Navigator navigator = new LocalNavigator();
  private Cancellation running;
  private Instant started;

  public FlowViewModel(FlowSearch search, TaskRunner runner, Clock clock) {
    this((id, w, asOf, c, early) -> search.find(id, w, asOf, c), runner, clock);
  }

  /** A search that shows a first answer while a message with many events is read. */
  public FlowViewModel(StagedFlowSearch search, TaskRunner runner, Clock clock) {
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
    running =
        runner.<Flow, Flow>runStreaming(
            "flow " + id,
            (c, early) -> search.find(id, w, asOf, c, early),
            this::showFirst,
            this::show,
            this::fail);
  }

  /** Shows the latest first answer of the running search; the answer itself stays unchanged. */
  private void showFirst(List<Flow> early) {
    if (!early.isEmpty()) {
      Flow first = early.get(early.size() - 1);
      shown.set(first);
      summary.set(FlowSummary.of(first));
    }
  }

  /**
   * Shows {@code snapshot}, a flow saved earlier (a bundle's or an incident's evidence), as the
   * answer without searching: the same views show it as a live one.
   */
  public void showSnapshot(Flow snapshot) {
    cancelRunning();
    started = clock.instant();
    show(snapshot);
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
    dropFirstAnswer();
  }

  /** Back to the latest answer when a first answer is on screen (its search ended without one). */
  private void dropFirstAnswer() {
    Flow answer = flow.get();
    if (shown.get() != answer) {
      shown.set(answer);
      summary.set(answer == null ? List.of() : FlowSummary.of(answer));
    }
  }

  private void show(Flow result) {
    running = null;
    lastTook.set(java.time.Duration.between(started, clock.instant()));
    flow.set(result);
    shown.set(result);
    partial.set(metricsTexts(result));
    summary.set(FlowSummary.of(result));
    notes.set(String.join("\n", summary.get().stream().map(FlowSummary.Line::text).toList()));
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

  /**
   * Forgets the answer shown (flow, failure, partial result): back to IDLE, the query kept. For a
   * profile switch: an answer from the old connection says nothing about the new one.
   */
  public void reset() {
    cancelRunning();
    flow.set(null);
    shown.set(null);
    problem.set("");
    partial.set("");
    summary.set(List.of());
    notes.set("");
    state.set(State.IDLE);
  }

  private void fail(Throwable failure) {
    running = null;
    dropFirstAnswer(); // a first answer never stays as if it were one
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

  /**
   * The flow on screen: the latest answer, or while a search runs the first answer it handed on
   * (every verdict UNKNOWN, {@link Notice.StillReading} naming what is still being read). Only the
   * views draw it; what is saved, compared or recorded is {@link #flowProperty()}.
   */
  public ReadOnlyObjectProperty<Flow> shownProperty() {
    return shown.getReadOnlyProperty();
  }

  /** Why the last search failed (names the backend and URL), or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** Which source failed while the flow still came back (e.g. metrics unavailable), or empty. */
  public ReadOnlyStringProperty partialProperty() {
    return partial.getReadOnlyProperty();
  }

  /** The text of the latest flow's {@link #summaryProperty()}, one line each, or empty. */
  public ReadOnlyStringProperty notesProperty() {
    return notes.getReadOnlyProperty();
  }

  /**
   * What the banner says about the latest flow ({@link FlowSummary}: unreadable hops, clock skew,
   * evidence beyond the window, parts, batches, every other notice); empty when nothing.
   */
  public ReadOnlyObjectProperty<List<FlowSummary.Line>> summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  /** Replaces how {@link #open} and {@link #searchLast} search (the shell's window and history). */
  public void navigator(Navigator navigator) {
    this.navigator = navigator;
  }

  /** Searches {@code id} (a batch member, a batch) as if typed into the search bar. */
  public void open(String id) {
    navigator.open(id);
  }

  /** Searches the current message over the last {@code length} (an empty result's offer). */
  public void searchLast(java.time.Duration length) {
    navigator.searchLast(length);
  }

  /** The texts of the flow's notices about metrics that could not be fetched; one a line. */
  private static String metricsTexts(Flow f) {
    return String.join(
        "\n",
        f.notices().stream()
            .filter(n -> n instanceof Notice.MetricsUnavailable)
            .map(Notice::text)
            .toList());
  }

  /** Searches here, without a shell: the window is set directly. */
  private final class LocalNavigator implements Navigator {
    @Override
    public void open(String id) {
      query.set(id);
      search();
    }

    @Override
    public void searchLast(java.time.Duration length) {
      window.set(TimeWindow.ending(clock.instant(), length));
      search();
    }
  }
}
