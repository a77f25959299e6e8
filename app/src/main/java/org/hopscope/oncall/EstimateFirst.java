package org.hopscope.oncall;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hopscope.source.Cancellation;

/**
 * The order of a stuck analysis' two stages, the same in both faces: the key scans of the exact
 * analysis wait for the estimate stage to end (answered, failed or cancelled), at most {@link
 * #GRACE}. Run side by side on two cores shared with the search engine, the estimate's sample
 * requests and the key scans slowed each other: the client's first funnel came after 7.7 s instead
 * of 1.8-2.3 s alone, and the whole analysis took 1.26x the CLI's (ADR 0050). An estimate that
 * takes longer than the grace no longer holds the scans back.
 */
public final class EstimateFirst {

  /** The longest the key scans wait for the estimate. */
  public static final Duration GRACE = Duration.ofSeconds(5);

  private EstimateFirst() {}

  /**
   * Waits until {@code estimate} has ended, {@code grace} has passed or {@code cancel} is
   * cancelled, whichever comes first; an estimate's failure is its own stage's to report.
   *
   * @throws Cancellation.CancelledException when cancelled (while waiting or before)
   */
  public static void await(CompletableFuture<?> estimate, Duration grace, Cancellation cancel) {
    cancel.check();
    CompletableFuture<Object> ended = new CompletableFuture<>();
    estimate.whenComplete((r, e) -> ended.complete(null));
    try (Cancellation.Registration r = cancel.onCancel(() -> ended.complete(null))) {
      ended.get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // the estimate goes on beside the scans from here
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot happen: completed with null only", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      cancel.cancel();
    }
    cancel.check();
  }
}
