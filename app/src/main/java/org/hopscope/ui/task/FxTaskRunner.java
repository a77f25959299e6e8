package org.hopscope.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import org.hopscope.source.Cancellation;

/**
 * Runs work on an executor owned by the application and hands results back with {@link
 * Platform#runLater}: the only place that does. A task cancelled before its result arrives delivers
 * nothing.
 */
public final class FxTaskRunner implements TaskRunner {

  private final ExecutorService executor;

  /**
   * @param executor background threads; the application shuts it down on exit
   */
  public FxTaskRunner(ExecutorService executor) {
    this.executor = executor;
  }

  @Override
  public <T> Cancellation run(
      String name,
      Function<Cancellation, T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    Cancellation cancel = new Cancellation();
    executor.execute(
        () -> {
          try {
            T result = work.apply(cancel);
            Platform.runLater(
                () -> {
                  if (!cancel.isCancelled()) {
                    onSuccess.accept(result);
                  }
                });
          } catch (RuntimeException e) {
            Platform.runLater(
                () -> {
                  if (!cancel.isCancelled()) {
                    onFailure.accept(e);
                  }
                });
          }
        });
    return cancel;
  }
}
