package org.hopscope.ui.shell;

import org.hopscope.config.ConfigException;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.Connector;
import org.hopscope.oncall.Connector.Opened;
import org.hopscope.oncall.Engine;

/**
 * The profile the desktop client works with: the current {@link Opened} connection. Opening (by the
 * {@link Connector}, as the command line does) reads files and builds clients, so the app calls
 * {@link #open} through the task runner and {@link #use} on the FX thread; background queries read
 * {@link #current()} (volatile).
 */
public final class ActiveConnection implements AutoCloseable {

  private final Connector connector;
  private volatile Opened current;

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
      throw new ConfigException(
          "profile", "no connection profile in use; open Profiles (top right) and choose one");
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
    if (previous != null) {
      previous.engine().close();
    }
  }
}
