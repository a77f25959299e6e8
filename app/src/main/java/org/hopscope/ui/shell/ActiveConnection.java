package org.hopscope.ui.shell;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.hopscope.config.ConfigException;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.Connector;
import org.hopscope.oncall.Connector.Opened;
import org.hopscope.oncall.Engine;
import org.hopscope.source.Cancellation;

/**
 * The profile the desktop client works with: the current {@link Opened} connection. Opening (by the
 * {@link Connector}, as the command line does) reads files and builds clients, so the app calls
 * {@link #open} through the task runner and {@link #use} on the FX thread; background queries read
 * {@link #current()} (volatile).
 *
 * <p>At start the profile is opened after the first frame (ADR 0045): from {@link #opening()} until
 * {@link #settle} a query waits ({@link #bind(Supplier, Cancellation)}) instead of failing, so one
 * typed meanwhile runs once the profile is connected.
 */
public final class ActiveConnection implements AutoCloseable {

  private final Connector connector;
  private volatile Opened current;
  private volatile CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);
  private volatile String failure;

  public ActiveConnection(Connector connector) {
    this.connector = connector;
  }

  public ProfileStore store() {
    return connector.store();
  }

  /**
   * Opens profile {@code name}; blocking, call it off the FX thread.
   *
   * @see Connector#open
   */
  public Opened open(String name) {
    return connector.open(name);
  }

  /** Makes {@code opened} the current connection and closes the previous one. */
  public void use(Opened opened) {
    Opened previous = current;
    current = opened;
    if (previous != null) {
      previous.engine().close();
    }
  }

  /**
   * A profile is about to be opened (at start, before it is known which): queries wait until {@link
   * #settle}. FX thread.
   */
  public void opening() {
    if (settled.isDone()) {
      settled = new CompletableFuture<>();
    }
  }

  /**
   * The opening announced by {@link #opening()} is over: a profile is in use ({@code problem}
   * null), or it could not be opened or none was chosen ({@code problem} says why); waiting queries
   * go on.
   */
  public void settle(String problem) {
    failure = problem;
    settled.complete(null);
  }

  /**
   * As {@link #bind(String)}, after waiting for a profile still {@link #opening()} (off the FX
   * thread); {@code pathName} is read once it is open.
   *
   * @throws Cancellation.CancelledException when {@code cancel} is cancelled while waiting
   */
  public Bound bind(Supplier<String> pathName, Cancellation cancel) {
    CompletableFuture<Void> waiting = settled;
    if (!waiting.isDone()) {
      CompletableFuture<Void> cancelled = new CompletableFuture<>();
      try (Cancellation.Registration r = cancel.onCancel(() -> cancelled.complete(null))) {
        CompletableFuture.anyOf(waiting, cancelled).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Cancellation.CancelledException();
      } catch (ExecutionException e) {
        throw new IllegalStateException("waiting for the profile failed", e.getCause());
      }
      if (cancel.isCancelled()) {
        throw new Cancellation.CancelledException();
      }
    }
    return bind(pathName.get());
  }

  /** The current connection, or null before one was opened. */
  public Opened current() {
    return current;
  }

  /**
   * The engine and the path named {@code pathName} of the current connection.
   *
   * @throws ConfigException when no profile is connected or the path is unknown
   */
  public Bound bind(String pathName) {
    Opened c = current;
    if (c == null) {
      String problem = failure;
      throw new ConfigException(
          "profile",
          problem != null
              ? problem
              : "no connection profile in use; open Profiles (top right) and choose one");
    }
    PathDef path =
        c.catalog()
            .path(pathName)
            .orElseThrow(
                () -> new ConfigException("path", "no path '" + pathName + "' in " + c.profile()));
    return new Bound(c.engine(), path);
  }

  public record Bound(Engine engine, PathDef path) {}

  @Override
  public void close() {
    Opened previous = current;
    current = null;
    settle(null);
    if (previous != null) {
      previous.engine().close();
    }
  }
}
