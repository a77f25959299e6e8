package org.hopscope.ui.stuck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hopscope.model.StuckMessage;
import org.hopscope.model.StuckReport;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.EstimateFirst;
import org.hopscope.oncall.SearchWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The stuck-message analysis of one time window: the per-hop report and the messages in trouble as
 * they stream in. Analyses run through the injected {@link TaskRunner}; a newer analysis cancels
 * the older one and clears its messages (latest only); a cancelled analysis leaves what it found so
 * far. The messages arrive in coalesced batches ({@link FoundBatches}: the first at once, then at
 * most one every 200 ms, after 2 s one a second), one {@code addAll} each. Nothing here touches a
 * control.
 */
public final class StuckViewModel {

  /** Where the analysis stands. */
  public enum State {
    IDLE,
    ANALYSING,
    DONE,
    FAILED,
    CANCELLED
  }

  /** The engine call ({@code Engine.window} bound to a path in the app). */
  @FunctionalInterface
  public interface StuckSearch {
    /**
     * Analyses {@code window} as of {@code asOf}, handing each stuck, failed or dead-lettered
     * message to {@code messages} as it is found (on the calling thread).
     */
    StuckReport analyze(
        TimeWindow window, Instant asOf, Consumer<StuckMessage> messages, Cancellation cancel);
  }

  private final StuckSearch search;
  private final TaskRunner runner;
  private final Clock clock;
  private final ObjectProperty<TimeWindow> window = new SimpleObjectProperty<>(this, "window");
  private java.util.function.Supplier<TimeWindow> windowSource;
  private final ReadOnlyObjectWrapper<TimeWindow> analysed =
      new ReadOnlyObjectWrapper<>(this, "analysedWindow");
  private final ReadOnlyObjectWrapper<State> state =
      new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
  private final ReadOnlyObjectWrapper<StuckReport> report =
      new ReadOnlyObjectWrapper<>(this, "report");
  private final ObservableList<StuckMessage> messages = FXCollections.observableArrayList();
  private final ObservableList<StuckMessage> readOnlyMessages =
      FXCollections.unmodifiableObservableList(messages);
  private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
  private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
  private final ReadOnlyObjectWrapper<Duration> lastTook =
      new ReadOnlyObjectWrapper<>(this, "lastTook");
  private Cancellation running;
  private final boolean timedFlush;
  private final StuckChangeModel changes;
  private final StuckEstimateModel estimates;
  private Duration estimateGrace = EstimateFirst.GRACE;

  /**
   * @param search the engine's stuck analysis on the chosen path
   * @param runner moves the analysis off the FX thread
   * @param clock "now", for windows that end in the future and for durations
   */
  public StuckViewModel(StuckSearch search, TaskRunner runner, Clock clock) {
    this(search, runner, clock, true);
  }

  /**
   * @param timedFlush a message held back from a batch is handed on one period later by a timer
   *     (false: only by the next message or the end, for tests that count the batches exactly)
   */
  StuckViewModel(StuckSearch search, TaskRunner runner, Clock clock, boolean timedFlush) {
    this.timedFlush = timedFlush;
    this.search = search;
    this.runner = runner;
    this.clock = clock;
    this.changes = new StuckChangeModel(runner);
    this.estimates = new StuckEstimateModel(runner);
    report.addListener((o, was, r) -> changes.reportChanged(r));
  }

  /** How long the key scans wait for the estimate (tests: none). */
  void estimateGrace(Duration grace) {
    this.estimateGrace = grace;
  }

  /** The funnel's first stage: estimates shown until the exact report replaces them. */
  public StuckEstimateModel estimates() {
    return estimates;
  }

  /** What changed: the comparison of the finished analysis with a baseline window. */
  public StuckChangeModel changes() {
    return changes;
  }

  /**
   * Analyses {@link #windowProperty()} as of its end (or now, when it ends in the future); cancels
   * an analysis still running and clears its messages.
   */
  public void analyze() {
    if (windowSource != null) {
      window.set(windowSource.get());
    }
    TimeWindow w = window.get();
    if (w == null) {
      problem.set("Choose a time window first.");
      return;
    }
    cancelRunning();
    Instant started = clock.instant();
    Instant asOf = SearchWindow.asOf(w, started);
    messages.clear();
    report.set(null);
    problem.set("");
    analysed.set(w);
    progress.set("Analysing\u2026");
    state.set(State.ANALYSING);
    // the estimate first: the key scans wait for it (at most a grace) on their own thread
    CompletableFuture<Void> estimated = estimates.start(w, asOf);
    Duration grace = estimateGrace;
    Cancellation[] self = new Cancellation[1];
    self[0] =
        runner.runStreaming(
            "window " + w.from() + ".." + w.to(),
            (Cancellation c, Consumer<List<StuckMessage>> publish) -> {
              ScheduledExecutorService timer = timedFlush ? FoundBatches.timer() : null;
              FoundBatches found =
                  new FoundBatches(
                      publish,
                      clock::millis,
                      (r, delay) -> {
                        if (timer != null) {
                          timer.schedule(r, delay, TimeUnit.MILLISECONDS);
                        }
                      });
              try {
                EstimateFirst.await(estimated, grace, c);
                return search.analyze(w, asOf, found, c);
              } finally {
                if (timer != null) {
                  timer.shutdownNow();
                }
                found.flush(); // what was found lands before the report or the failure
              }
            },
            this::add,
            r -> done(self[0], r, started),
            e -> fail(self[0], e));
    if (state.get() == State.ANALYSING && self[0] != null && !self[0].isCancelled()) {
      running = self[0];
    }
  }

  /** Stops the running analysis and its estimate; the messages found so far stay. */
  public void cancel() {
    if (state.get() == State.ANALYSING) {
      cancelRunning();
      estimates.stop();
      progress.set(found(messages.size()) + " before cancelling");
      state.set(State.CANCELLED);
    }
  }

  /** Runs the analysis again (the failure's Retry). */
  public void retry() {
    analyze();
  }

  private void cancelRunning() {
    if (running != null) {
      running.cancel();
      running = null;
    }
  }

  /** One list change per delivery: the batches that arrived since the last pulse, joined. */
  private void add(List<? extends List<StuckMessage>> batches) {
    if (batches.size() == 1) {
      messages.addAll(batches.get(0));
    } else {
      List<StuckMessage> all = new java.util.ArrayList<>();
      batches.forEach(all::addAll);
      messages.addAll(all);
    }
    progress.set(found(messages.size()) + " so far");
  }

  private static String found(int n) {
    return String.format("%,d stuck/failed found", n);
  }

  private void done(Cancellation task, StuckReport result, Instant started) {
    if (task != null && task != running) {
      return;
    }
    running = null;
    estimates.replaced();
    report.set(result);
    Duration took = Duration.between(started, clock.instant());
    lastTook.set(took);
    StuckReport.Totals t = result.totals();
    progress.set(
        String.format(
            "%,d stuck, %,d failed, %,d dead-lettered \u00b7 %s",
            t.stuck(), t.failed(), t.deadLettered(), StuckWords.took(took)));
    state.set(State.DONE);
  }

  private void fail(Cancellation task, Throwable failure) {
    if (task != null && task != running) {
      return;
    }
    running = null;
    problem.set(failure.getMessage() == null ? failure.toString() : failure.getMessage());
    progress.set("");
    state.set(State.FAILED);
  }

  /**
   * Where {@link #analyze()} takes its window from when set (the shell's choice, so "last hour"
   * means the hour before pressing Analyse); null analyses {@link #windowProperty()} as it is.
   */
  public void windowSource(java.util.function.Supplier<TimeWindow> source) {
    windowSource(source, null);
  }

  /**
   * Like {@link #windowSource(java.util.function.Supplier)}; {@link #windowProperty()} follows
   * {@code changes} (the picker), so the view names the window the next Analyse will use, not the
   * one it was first given.
   */
  public void windowSource(
      java.util.function.Supplier<TimeWindow> source, javafx.beans.Observable changes) {
    this.windowSource = source;
    if (source != null) {
      window.set(source.get());
      if (changes != null) {
        changes.addListener(o -> window.set(source.get()));
      }
    }
  }

  /**
   * The window the next analysis uses (follows the shell's picker when {@link #windowSource} is
   * given one); null until chosen.
   */
  public ObjectProperty<TimeWindow> windowProperty() {
    return window;
  }

  /** The window of the analysis shown (running or finished); null before the first one. */
  public ReadOnlyObjectProperty<TimeWindow> analysedWindowProperty() {
    return analysed.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /**
   * The finished analysis' per-hop report; null until an analysis completes, and while one runs.
   */
  public ReadOnlyObjectProperty<StuckReport> reportProperty() {
    return report.getReadOnlyProperty();
  }

  /** Stuck, failed and dead-lettered messages in the order found (read-only). */
  public ObservableList<StuckMessage> messages() {
    return readOnlyMessages;
  }

  /** One line on the analysis: "412 stuck/failed found so far", the totals when done, or empty. */
  public ReadOnlyStringProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** Why the analysis failed (names the backend and URL), or empty. */
  public ReadOnlyStringProperty problemProperty() {
    return problem.getReadOnlyProperty();
  }

  /** How long the last completed analysis took; null before the first. */
  public ReadOnlyObjectProperty<Duration> lastTookProperty() {
    return lastTook.getReadOnlyProperty();
  }

  /** The clock the analysis measures "now" with (for "12 min ago"). */
  public Clock clock() {
    return clock;
  }
}
