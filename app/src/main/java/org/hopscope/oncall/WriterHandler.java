package org.hopscope.oncall;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** Writes records to a terminal's writer ({@code --verbose}); closing leaves the writer open. */
final class WriterHandler extends Handler {

  private final PrintWriter terminal;

  WriterHandler(PrintWriter terminal) {
    this.terminal = terminal;
    setLevel(DiagnosticsLog.THRESHOLD);
    setFormatter(new DiagnosticsFormat());
  }

  @Override
  public void publish(LogRecord record) {
    if (isLoggable(record)) {
      terminal.print(getFormatter().format(record));
      terminal.flush();
    }
  }

  @Override
  public void flush() {
    terminal.flush();
  }

  @Override
  public void close() {
    terminal.flush();
  }
}
