package org.hopscope.source.elastic;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hopscope.source.Cancellation;
import org.hopscope.source.Cancellation.CancelledException;
import org.hopscope.source.SourceException;

/**
 * One request to a cluster as the engine sees it: attempts, retries on 429/503 with {@link Backoff}
 * (or the answer's {@code Retry-After}), cancellation, one deadline for the whole exchange, and the
 * command's record of silent backends (ADR 0019). Thread-safe.
 */
final class ElasticCall {

  private final ElasticSettings settings;
  private final ElasticErrors errors;
  private final Backoff backoff;

  ElasticCall(ElasticSettings settings, ElasticErrors errors, Backoff backoff) {
    this.settings = settings;
    this.errors = errors;
    this.backoff = backoff;
  }

  /**
   * Sends a request, retrying with {@link Backoff} while Elasticsearch answers 429/503 (or {@code
   * retry} says so about an answer), up to {@link ElasticSettings#maxAttempts()} attempts; a cancel
   * aborts the request in flight.
   *
   * <p>One deadline bounds the whole exchange, retries included (ADR 0019): the connect timeout
   * plus the request timeout from the first send. An answer that has not arrived whole by then (a
   * silent or trickling cluster) fails with the named timeout, which is recorded on {@code cancel}
   * as this cluster having gone silent: every other request of the command to it, in flight or
   * queued, ends at once with the same failure. A retry (also one a {@code Retry-After} asks for)
   * that could not start before the deadline is not made.
   *
   * @param what the request for messages, e.g. "the search of logs-*"
   * @param request starts one attempt; the future's cancel must abort the HTTP request
   * @param retry whether an answer still asks for a retry (per-item 429 in {@code _msearch})
   * @throws CancelledException when cancelled
   * @throws SourceException when it failed
   */
  <T> T call(
      String what,
      Supplier<CompletableFuture<T>> request,
      Predicate<T> retry,
      Cancellation cancel) {
    String backend = errors.backend();
    long deadline =
        System.nanoTime()
            + settings.connectTimeout().toNanos()
            + settings.requestTimeout().toNanos();
    for (int attempt = 1; ; attempt++) {
      cancel.check();
      cancel.throwIfSilent(backend);
      CompletableFuture<T> inFlight = request.get();
      T answer;
      try (Cancellation.Registration abort = cancel.onCancel(() -> inFlight.cancel(true));
          Cancellation.Registration silenced =
              cancel.onSilent(backend, () -> inFlight.cancel(true))) {
        answer = inFlight.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (CancellationException e) {
        cancel.check();
        cancel.throwIfSilent(backend);
        throw new CancelledException();
      } catch (TimeoutException e) {
        inFlight.cancel(true);
        throw cancel.wentSilent(errors.backend(), errors.timeout(what, e));
      } catch (InterruptedException e) {
        inFlight.cancel(true);
        Thread.currentThread().interrupt();
        throw new CancelledException();
      } catch (ExecutionException e) {
        cancel.check();
        cancel.throwIfSilent(backend);
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        if (ElasticErrors.isTimeout(e.getCause())) {
          throw cancel.wentSilent(errors.backend(), errors.translate(e.getCause(), what));
        }
        int status = ElasticErrors.status(e.getCause());
        if ((status == 429 || status == 503)
            && attempt < settings.maxAttempts()
            && !ElasticErrors.tooManyBuckets(e.getCause())) {
          Duration wait = wait(attempt, ElasticErrors.retryAfter(e.getCause()));
          if (System.nanoTime() + wait.toNanos() < deadline) {
            backoff.await(
                attempt, wait, "Elasticsearch answered " + what + " with HTTP " + status, cancel);
            continue;
          }
          throw gaveUp(errors.translate(e.getCause(), what), attempt, wait);
        }
        throw errors.translate(e.getCause(), what);
      }
      if (attempt < settings.maxAttempts() && retry.test(answer)) {
        Duration wait = wait(attempt, Optional.empty());
        if (System.nanoTime() + wait.toNanos() < deadline) {
          backoff.await(
              attempt, wait, "Elasticsearch asked to retry " + what + " (HTTP 429 inside)", cancel);
          continue;
        }
      }
      return answer;
    }
  }

  /** The wait before the next attempt: the backoff's, or longer when Retry-After says so. */
  private Duration wait(int attempt, Optional<Duration> retryAfter) {
    Duration delay = backoff.delay(attempt);
    return retryAfter.filter(r -> r.compareTo(delay) > 0).orElse(delay);
  }

  /** {@code failure}, saying that the retry it asked for would have passed the deadline. */
  private SourceException gaveUp(SourceException failure, int attempts, Duration wait) {
    return new SourceException(
        failure.source(),
        failure.kind(),
        failure.getMessage()
            + " Gave up after "
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + ": waiting "
            + wait.toMillis()
            + " ms more would pass the request timeout ("
            + settings.requestTimeout().toSeconds()
            + " s).",
        failure.getCause());
  }
}
