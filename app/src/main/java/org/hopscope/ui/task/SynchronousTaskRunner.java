package org.hopscope.ui.task;

import java.util.function.Consumer;
import java.util.function.Function;
import org.hopscope.source.Cancellation;

/** Runs tasks at once on the calling thread: view-model tests and headless use. */
public final class SynchronousTaskRunner implements TaskRunner {

  @Override
  public <T> Cancellation run(
      String name,
      Function<Cancellation, T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    Cancellation cancel = new Cancellation();
    T result;
    try {
      result = work.apply(cancel);
    } catch (RuntimeException e) {
      if (!cancel.isCancelled()) {
        onFailure.accept(e);
      }
      return cancel;
    }
    if (!cancel.isCancelled()) {
      onSuccess.accept(result);
    }
    return cancel;
  }
}
