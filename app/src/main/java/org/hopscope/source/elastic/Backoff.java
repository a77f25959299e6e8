package org.hopscope.source.elastic;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.hopscope.source.Cancellation;

/**
 * Exponential backoff with jitter between attempts of a request that Elasticsearch answered with
 * 429 or 503: the n-th wait is {@code min(max, base * 2^(n-1))}, scaled by a random factor in [0.5,
 * 1) so that clients that failed together do not retry together.
 *
 * @param base first wait before jitter
 * @param max longest wait before jitter
 * @param random source of numbers in [0, 1)
 */
record Backoff(Duration base, Duration max, DoubleSupplier random) {

  private static final Logger LOG = System.getLogger(Backoff.class.getName());

  static Backoff standard() {
    return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), Math::random);
  }

  /** The wait after the {@code attempt}-th failed attempt (1-based). */
  Duration delay(int attempt) {
    long ceiling = base.toMillis() << Math.min(attempt - 1, 20);
    long millis = Math.min(max.toMillis(), ceiling);
    return Duration.ofMillis((long) (millis * (0.5 + 0.5 * random.getAsDouble())));
  }

  /**
   * Logs the retry and waits {@link #delay}; returns early with {@link
   * Cancellation.CancelledException} on cancel.
   *
   * @param why what asked for the retry, e.g. "the search of logs-* answered HTTP 503"
   */
  void await(int attempt, String why, Cancellation cancel) {
    await(attempt, delay(attempt), why, cancel);
  }

  /** As {@link #await(int, String, Cancellation)}, waiting {@code delay} (e.g. a Retry-After). */
  void await(int attempt, Duration delay, String why, Cancellation cancel) {
    long millis = delay.toMillis();
    LOG.log(Level.INFO, () -> why + "; attempt " + (attempt + 1) + " in " + millis + " ms");
    CountDownLatch cancelled = new CountDownLatch(1);
    try (Cancellation.Registration wake = cancel.onCancel(cancelled::countDown)) {
      cancelled.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Cancellation.CancelledException();
    }
    cancel.check();
  }
}
