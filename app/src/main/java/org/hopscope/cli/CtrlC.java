package org.hopscope.cli;

import org.hopscope.source.Cancellation;

/**
 * Cancels a command's backend work when the user presses Ctrl-C (a JVM shutdown hook), for as long
 * as it is open; the engine then stops its requests and the command exits with 130.
 */
final class CtrlC implements AutoCloseable {

  private final Cancellation cancellation = new Cancellation();
  private final Thread hook;

  CtrlC(String command) {
    hook = new Thread(cancellation::cancel, command + "-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  Cancellation cancellation() {
    return cancellation;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting (Ctrl-C): the hook has run and cancelled the work
    }
  }
}
