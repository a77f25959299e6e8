package org.hopscope.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hopscope.model.PathDef;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.Engine;
import org.hopscope.source.Cancellation;

/**
 * The estimate stage of {@code hopscope stuck}, run on the engine's estimate pool; the key scans
 * wait for it at most {@link org.hopscope.oncall.EstimateFirst#GRACE}: in text it is printed the
 * moment it is ready, and always before the exact block ({@link #await} is called before that is
 * printed, so when the exact figures come first the estimate still goes first, with its own time).
 * Cancelled with the command: a cancelled estimate prints nothing, nor does one without a single
 * known figure.
 */
final class EstimateAlongside {

  private final CompletableFuture<StuckEstimateOutput.Timed> done;

  private EstimateAlongside(CompletableFuture<StuckEstimateOutput.Timed> done) {
    this.done = done;
  }

  /**
   * Starts the estimate; {@code text} (or null for none) is where it is printed once ready,
   * followed by an empty line.
   */
  static EstimateAlongside start(
      Engine engine,
      PathDef path,
      TimeWindow window,
      Instant asOf,
      PrintWriter text,
      Cancellation cancel) {
    long t0 = System.nanoTime();
    CompletableFuture<StuckEstimateOutput.Timed> done =
        engine
            .estimateStuckAsync(path, window, asOf, cancel)
            .thenApply(
                e -> {
                  StuckEstimateOutput.Timed timed =
                      new StuckEstimateOutput.Timed(e, Duration.ofNanos(System.nanoTime() - t0));
                  // an estimate that knows nothing (a silent or broken backend) prints nothing:
                  // the exact stage answers or names the failure
                  if (text != null && e.anyKnown()) {
                    // the caller's thread is in the key scans and prints nothing until they end
                    cancel.check();
                    StuckEstimateOutput.print(e, timed.took(), text);
                    text.println();
                    text.flush();
                  }
                  return timed;
                });
    return new EstimateAlongside(done);
  }

  /** Ends when the estimate has (printed, in text), failed or been cancelled. */
  CompletableFuture<?> ended() {
    return done;
  }

  /**
   * Waits for the estimate (printed, in text); throws {@link Cancellation.CancelledException} when
   * it was cancelled.
   */
  StuckEstimateOutput.Timed await() {
    try {
      return done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }
}
