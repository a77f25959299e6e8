package org.hopscope.ui.task;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hopscope.source.Cancellation;

/**
 * The one way view models move work off the FX thread: {@code work} runs elsewhere, its result or
 * failure comes back on the FX thread. Injected, so view-model tests use {@link
 * SynchronousTaskRunner} and run without a JavaFX toolkit.
 */
public interface TaskRunner {

  /**
   * Starts {@code work}.
   *
   * @param name for thread names and logs, e.g. "flow ord-1"
   * @param work the background part; it receives the task's cancellation to hand to the engine
   * @param onSuccess receives the result on the FX thread, unless the task was cancelled
   * @param onFailure receives the failure on the FX thread, unless the task was cancelled
   * @return the task's cancellation: cancelling it aborts the backend requests, and neither
   *     callback runs afterwards
   */
  default <T> Cancellation run(
      String name,
      Function<Cancellation, T> work,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure) {
    return runStreaming(name, (c, publish) -> work.apply(c), items -> {}, onSuccess, onFailure);
  }

  /**
   * Like {@link #run}, for work that finds results as it goes (pages of a scan): {@code work} hands
   * each item to its sink on its own thread; the items reach {@code onItems} on the FX thread in
   * order, in batches (at most one delivery per pulse), all before {@code onSuccess}. Nothing is
   * delivered once the task is cancelled.
   */
  <T, P> Cancellation runStreaming(
      String name,
      StreamingWork<T, P> work,
      Consumer<? super List<P>> onItems,
      Consumer<? super T> onSuccess,
      Consumer<? super Throwable> onFailure);

  /** Background work that publishes items while it runs. */
  @FunctionalInterface
  interface StreamingWork<T, P> {
    T apply(Cancellation cancel, Consumer<P> publish);
  }
}
