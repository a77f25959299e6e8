package org.hopscope.oncall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hopscope.testing.ManualClock;

/**
 * A scheduler whose time only moves when the test says: {@link #advance} runs, on the test's
 * thread, every task that falls due, in time order. Supports {@code schedule(Runnable, ...)} only.
 */
final class ManualScheduler implements ScheduledExecutorService {

  private final ManualClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long nowMillis;
  private long scheduled;

  /**
   * @param clock moved along with this scheduler's time (may be shared with the store)
   */
  ManualScheduler(ManualClock clock) {
    this.clock = clock;
  }

  /** Moves time forward by {@code by}, running due tasks at their due times. */
  void advance(Duration by) {
    long end = nowMillis + by.toMillis();
    while (true) {
      Task next =
          tasks.stream()
              .filter(t -> !t.cancelled && t.dueMillis <= end)
              .min(Comparator.comparingLong((Task t) -> t.dueMillis).thenComparing(t -> t.seq))
              .orElse(null);
      if (next == null) {
        break;
      }
      move(next.dueMillis);
      tasks.remove(next);
      next.done = true;
      next.action.run();
    }
    move(end);
  }

  /** Tasks scheduled and not yet run nor cancelled. */
  int pendingTasks() {
    return (int) tasks.stream().filter(t -> !t.cancelled).count();
  }

  private void move(long toMillis) {
    clock.advance(Duration.ofMillis(toMillis - nowMillis));
    nowMillis = toMillis;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    Task task = new Task(command, nowMillis + unit.toMillis(delay), scheduled++);
    tasks.add(task);
    return task;
  }

  private final class Task implements ScheduledFuture<Object> {
    final Runnable action;
    final long dueMillis;
    final long seq;
    boolean cancelled;
    boolean done;

    Task(Runnable action, long dueMillis, long seq) {
      this.action = action;
      this.dueMillis = dueMillis;
      this.seq = seq;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueMillis - nowMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.MILLISECONDS), other.getDelay(TimeUnit.MILLISECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done || cancelled) {
        return false;
      }
      cancelled = true;
      tasks.remove(this);
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      throw new UnsupportedOperationException();
    }
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void shutdown() {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Runnable> shutdownNow() {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean isShutdown() {
    return false;
  }

  @Override
  public boolean isTerminated() {
    return false;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> Future<T> submit(Callable<T> task) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> Future<T> submit(Runnable task, T result) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Future<?> submit(Runnable task) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> List<Future<T>> invokeAll(
      Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void execute(Runnable command) {
    throw new UnsupportedOperationException();
  }
}
