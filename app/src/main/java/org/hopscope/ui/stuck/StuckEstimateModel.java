package org.hopscope.ui.stuck;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.hopscope.model.StuckEstimate;
import org.hopscope.model.TimeWindow;
import org.hopscope.source.Cancellation;
import org.hopscope.ui.task.TaskRunner;

/**
 * The stuck funnel's first stage in the client: per-hop estimates from aggregations ({@code
 * Engine.estimateStuck}), run through the injected {@link TaskRunner} beside the exact analysis.
 * The estimate is shown until the exact report replaces it; it stays (as "estimates only") when the
 * exact analysis fails or is cancelled; a failed estimate says so and stops nothing (ADR 0039).
 */
public final class StuckEstimateModel {

  /** The engine call ({@code Engine.estimateStuck} bound to a path in the app). */
  @FunctionalInterface
  public interface StuckEstimator {
    StuckEstimate estimate(TimeWindow window, Instant asOf, Cancellation cancel);
  }

  private final TaskRunner runner;
  private final ReadOnlyObjectWrapper<StuckEstimate> estimate =
      new ReadOnlyObjectWrapper<>(this, "estimate");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private StuckEstimator estimator;
  private Cancellation running;
  private CompletableFuture<Void> ended;

  StuckEstimateModel(TaskRunner runner) {
    this.runner = runner;
  }

  /** Where estimates come from; until set, an analysis has no estimate stage. */
  public void estimateWith(StuckEstimator estimator) {
    this.estimator = estimator;
  }

  /**
   * An analysis of {@code window} started: estimates it (cancelling an older estimate).
   *
   * @return ends when this estimate has ended (answered, failed or stopped) or at once without an
   *     estimator: what the exact analysis' key scans wait for ({@code oncall.EstimateFirst})
   */
  CompletableFuture<Void> start(TimeWindow window, Instant asOf) {
    stop();
    estimate.set(null);
    status.set("");
    CompletableFuture<Void> ended = new CompletableFuture<>();
    if (estimator == null) {
      ended.complete(null);
      return ended;
    }
    this.ended = ended;
    status.set("Estimating per hop\u2026");
    boolean[] finished = {false};
    // a cancelled task calls neither callback (TaskRunner), so whatever arrives is current
    Cancellation task =
        runner.run(
            "estimate " + window.from() + ".." + window.to(),
            c -> estimator.estimate(window, asOf, c),
            result -> {
              finished[0] = true;
              running = null;
              status.set("");
              estimate.set(result);
              ended.complete(null);
            },
            failure -> {
              finished[0] = true;
              running = null;
              status.set(
                  "The estimate failed ("
                      + (failure.getMessage() == null ? failure.toString() : failure.getMessage())
                      + "); the exact figures follow when the scans complete.");
              ended.complete(null);
            });
    if (!finished[0]) {
      running = task;
    }
    return ended;
  }

  /** The exact report arrived: the estimate is no longer shown (nor a late one). */
  void replaced() {
    stop();
    estimate.set(null);
    status.set("");
  }

  /** The analysis was cancelled or failed: a running estimate stops; one shown stays. */
  void stop() {
    if (running != null) {
      running.cancel();
      running = null;
      status.set("");
    }
    if (ended != null) {
      ended.complete(null);
      ended = null;
    }
  }

  /** Whether an estimate is still being computed. */
  boolean estimating() {
    return running != null;
  }

  /** The estimate shown (the exact report not yet there, or it never came); null otherwise. */
  public ReadOnlyObjectProperty<StuckEstimate> estimateProperty() {
    return estimate.getReadOnlyProperty();
  }

  /** "Estimating per hop...", why the estimate failed, or empty. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }
}
