package org.hopscope.ui.task;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.hopscope.source.Cancellation;

/**
 * Runs work on an executor owned by the application and hands results back with {@link
 * Platform#runLater}: the only place that does. A task cancelled before its result arrives delivers
 * nothing. A task's failure is logged with its causes (the client may show only its message).
 */
public final class FxTaskRunner implements TaskRunner {

  private static final Logger LOG = System.getLogger(FxTaskRunner.class.getName());

  private final ExecutorService executor;

  /**
   * @param executor background threads; the application shuts it down on exit
   */
  public FxTaskRunner(ExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public <T, P> Cancellation runStreaming(
      String name,
      StreamingWork<T, P> work,
      Consumer<? super List<P>> onItems,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    Cancellation cancel = new Cancellation();
    Batches<P> batches = new Batches<>(cancel, onItems);
    if (executor.isShutdown()) {
      cancel.cancel(); // the app is closing: nothing runs, nothing is delivered
      return cancel;
    }
    executor.execute(
        () -> {
          Runnable deliver;
          try {
            T result = work.apply(cancel, batches::publish);
            deliver = () -> onSuccess.accept(result);
          } catch (RuntimeException | Error e) {
            logFailure(name, cancel, e);
            deliver = () -> onFailure.accept(e);
          }
          Runnable last = deliver;
          Platform.runLater(
              () -> {
                batches.drain();
                if (!cancel.isCancelled()) {
                  last.run();
                }
              });
        });
    return cancel;
  }

  /** A failure goes to the log with its causes; one after a cancel is expected. */
  private static void logFailure(String name, Cancellation cancel, Throwable e) {
    if (cancel.isCancelled() || e instanceof Cancellation.CancelledException) {
      LOG.log(Level.DEBUG, () -> "task " + name + " ended after its cancel: " + e);
    } else {
      LOG.log(Level.WARNING, "task " + name + " failed", e);
    }
  }

  /** Items published off the FX thread, delivered to it in one batch per scheduled run. */
  private static final class Batches<P> {
    private final Queue<P> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Cancellation cancel;
    private final Consumer<? super List<P>> onItems;

    Batches(Cancellation cancel, Consumer<? super List<P>> onItems) {
      this.cancel = cancel;
      this.onItems = onItems;
    }

    void publish(P item) {
      queue.add(item);
      if (scheduled.compareAndSet(false, true)) {
        Platform.runLater(this::drain);
      }
    }

    void drain() {
      scheduled.set(false);
      List<P> batch = new ArrayList<>();
      for (P p = queue.poll(); p != null; p = queue.poll()) {
        batch.add(p);
      }
      if (!batch.isEmpty() && !cancel.isCancelled()) {
        onItems.accept(batch);
      }
    }
  }
}
