package org.hopscope.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hopscope.source.Cancellation;

/**
 * Ctrl-C (SIGINT) during a command's backend work, for as long as it is open: a JVM shutdown hook
 * cancels the work (the engine aborts its requests in flight at once), then gives the command up to
 * {@link #GRACE} to finish its way out (say it was interrupted, record what finished) before the
 * JVM exits with 130. Whatever the command has not finished by then is not written.
 */
final class CtrlC implements AutoCloseable {

  /** How long the JVM waits for the cancelled command before it exits anyway. */
  static final Duration GRACE = Duration.ofMillis(800);

  private final Cancellation cancellation = new Cancellation();
  private final Thread hook;

  /** Cancels on Ctrl-C and lets the JVM exit at once. */
  CtrlC(String command) {
    this(command, null);
  }

  /**
   * Cancels on Ctrl-C, then waits (at most {@link #GRACE}) for {@code finished}: the command line's
   * run having returned its exit code, its last words printed.
   */
  CtrlC(String command, CountDownLatch finished) {
    hook =
        new Thread(
            () -> {
              cancellation.cancel();
              if (finished != null) {
                try {
                  finished.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
            },
            command + "-cancel");
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
