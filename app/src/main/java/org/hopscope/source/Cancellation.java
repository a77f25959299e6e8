package org.hopscope.source;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A cancel signal handed to every source call. The caller (a view model, the CLI on Ctrl-C, a test)
 * cancels; the source aborts its requests in flight and throws {@link CancelledException}.
 *
 * <p>It also carries the command's (or client action's) record of <em>silent backends</em> (ADR
 * 0019): once one request to a backend has waited its whole request timeout, the source records the
 * timeout here with {@link #silent}; every other request of the same command to that backend, in
 * flight or still queued, then ends at once with that same failure instead of waiting its own
 * timeout in turn. Thread-safe.
 */
public final class Cancellation {

  private volatile boolean cancelled;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Silences silences;

  public Cancellation() {
    this(new Silences());
  }

  private Cancellation(Silences silences) {
    this.silences = silences;
  }

  /** A token that is never cancelled. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /**
   * A new token, cancelled on its own (the caller forwards this one's cancel if it should), that
   * shares this one's record of silent backends: for parts of one command run in parallel.
   */
  public Cancellation sharingSilences() {
    return new Cancellation(silences);
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

  /**
   * Records that {@code backend} (e.g. {@code "Elasticsearch at https://es:9200"}) went silent:
   * {@code failure} (a timeout naming it) is what every later request to it ends with, and the
   * {@link #onSilent} actions of requests in flight to it run now. The first failure recorded
   * stays.
   */
  public void silent(String backend, SourceException failure) {
    silences.record(backend, failure);
  }

  /**
   * Records {@code timeout} as {@code backend} having gone silent (see {@link #silent}) and returns
   * the failure every request to it now ends with: the first one recorded.
   */
  public SourceException wentSilent(String backend, SourceException timeout) {
    silent(backend, timeout);
    SourceException first = silence(backend);
    return first == null ? timeout : first;
  }

  /** Throws the failure recorded for {@code backend} by {@link #silent}, if there is one. */
  public void throwIfSilent(String backend) {
    SourceException silence = silence(backend);
    if (silence != null) {
      throw silence;
    }
  }

  /**
   * The failure recorded by {@link #silent} for {@code backend}, or null while it answers: a new
   * exception each time (this thread's stack) with the recorded one's message, caused by it.
   */
  public SourceException silence(String backend) {
    SourceException first = silences.failures.get(backend);
    return first == null
        ? null
        : new SourceException(first.source(), first.kind(), first.getMessage(), first);
  }

  /**
   * Runs {@code action} when {@code backend} is recorded silent (at once if it already is), e.g. to
   * abort a request in flight to it. Close the registration when the request is over.
   */
  public Registration onSilent(String backend, Runnable action) {
    Silences.Listener listener = new Silences.Listener(backend, action);
    silences.listeners.add(listener);
    if (silence(backend) != null) {
      action.run();
    }
    return () -> silences.listeners.remove(listener);
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

  /** The silent backends of one command, shared by the tokens of its parts. */
  private static final class Silences {
    private final Map<String, SourceException> failures = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    private record Listener(String backend, Runnable action) {}

    void record(String backend, SourceException failure) {
      if (failures.putIfAbsent(backend, failure) == null) {
        for (Listener l : listeners) {
          if (l.backend().equals(backend)) {
            l.action().run();
          }
        }
      }
    }
  }
}
