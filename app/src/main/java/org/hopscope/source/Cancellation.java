package org.hopscope.source;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel signal handed to every source call. The caller (a view model, the CLI on Ctrl-C, a test)
 * cancels; the source aborts its requests in flight and throws {@link CancelledException}.
 * Thread-safe.
 */
public final class Cancellation {

  private volatile boolean cancelled;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  /** A token that is never cancelled. */
  public static Cancellation none() {
    return new Cancellation();
  }

  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      listeners.forEach(Runnable::run);
    }
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code action} on cancel (at once if already cancelled), e.g. to abort an HTTP call. Close
   * the returned registration when the call is over: a long-lived token would otherwise keep every
   * finished request (and its answer) reachable.
   */
  public Registration onCancel(Runnable action) {
    listeners.add(action);
    if (cancelled) {
      action.run();
    }
    return () -> listeners.remove(action);
  }

  /** Ends an {@link #onCancel} registration; closing twice is harmless. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }

  /** Throws {@link CancelledException} when cancelled; call between steps of long work. */
  public void check() {
    if (cancelled) {
      throw new CancelledException();
    }
  }

  /** Thrown by sources and the engine when their {@link Cancellation} was cancelled. */
  public static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
      super("cancelled");
    }
  }
}
