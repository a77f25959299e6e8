package org.hopscope.ui.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hopscope.source.Cancellation;

/**
 * Holds tasks until the test completes them, in any order, on the test thread (standing in for the
 * background thread and the FX thread): latest-only and cancel races made deterministic.
 */
public final class ManualTaskRunner implements TaskRunner {

  /** One started task. */
  public final class Pending<T> {
    final Function<Cancellation, T> work;
    final Consumer<? super T> onSuccess;
    final Consumer<? super Throwable> onFailure;
    public final Cancellation cancel = new Cancellation();

    Pending(
        Function<Cancellation, T> work,
        Consumer<? super T> onSuccess,
        Consumer<? super Throwable> onFailure) {
      this.work = work;
      this.onSuccess = onSuccess;
      this.onFailure = onFailure;
    }

    /** Runs the work now and delivers like {@link FxTaskRunner}: nothing once cancelled. */
    public void complete() {
      try {
        T result = work.apply(cancel);
        if (!cancel.isCancelled()) {
          onSuccess.accept(result);
        }
      } catch (RuntimeException e) {
        if (!cancel.isCancelled()) {
          onFailure.accept(e);
        }
      }
    }
  }

  public final List<Pending<?>> started = new ArrayList<>();

  @Override
  public <T> Cancellation run(
      String name,
      Function<Cancellation, T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    Pending<T> p = new Pending<>(work, onSuccess, onFailure);
    started.add(p);
    return p.cancel;
  }

  @Override
  public <T, P> Cancellation runStreaming(
      String name,
      StreamingWork<T, P> work,
      Consumer<? super List<P>> onItems,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    Pending<T> p =
        new Pending<>(
            c ->
                work.apply(
                    c,
                    item -> {
                      if (!c.isCancelled()) {
                        onItems.accept(List.of(item));
                      }
                    }),
            onSuccess,
            onFailure);
    started.add(p);
    return p.cancel;
  }
}
