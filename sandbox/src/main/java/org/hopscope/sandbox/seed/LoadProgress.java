package org.hopscope.sandbox.seed;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far the load is: documents, documents per second and the share of messages done. On a
 * console one line is rewritten with {@code \r}; otherwise a plain line every few seconds.
 */
final class LoadProgress {

  private final PrintStream out;
  private final boolean console;
  private final long totalMessages;
  private final long startNanos = System.nanoTime();
  private final long intervalNanos;
  private long lastNanos;

  LoadProgress(PrintStream out, boolean console, long totalMessages) {
    this.out = out;
    this.console = console;
    this.totalMessages = totalMessages;
    this.intervalNanos = console ? 250_000_000L : 5_000_000_000L;
    this.lastNanos = startNanos;
  }

  /** Called often; prints at most every interval. */
  void update(long messages, long documents) {
    long now = System.nanoTime();
    if (now - lastNanos < intervalNanos) {
      return;
    }
    lastNanos = now;
    print(messages, documents, now);
  }

  /** Prints the final line. */
  void finish(long messages, long documents) {
    print(messages, documents, System.nanoTime());
    if (console) {
      out.println();
    }
  }

  /** Seconds since the load started. */
  double elapsedSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private void print(long messages, long documents, long now) {
    double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
    String line =
        String.format(
            Locale.ROOT,
            "seeding: %,d documents, %,.0f docs/s, %d%% of %,d messages",
            documents,
            documents / seconds,
            totalMessages == 0 ? 100 : messages * 100 / totalMessages,
            totalMessages);
    if (console) {
      out.print("\r" + line);
    } else {
      out.println(line);
    }
    out.flush();
  }
}
