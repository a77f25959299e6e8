package org.hopscope.ui.task;

import java.util.List;
import java.util.function.Consumer;
import org.hopscope.source.Cancellation;

/** Runs tasks at once on the calling thread: view-model tests and headless use. */
public final class SynchronousTaskRunner implements TaskRunner {

  @Override
  public <T, P> Cancellation runStreaming(
      String name,
      StreamingWork<T, P> work,
      Consumer<? super List<P>> onItems,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    Cancellation cancel = new Cancellation();
    T result;
    try {
      result =
          work.apply(
              cancel,
              item -> {
                if (!cancel.isCancelled()) {
                  onItems.accept(List.of(item));
                }
              });
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
