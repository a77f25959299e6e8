package org.hopscope.oncall;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One record: {@code 2026-12-06T01:02:03.456Z WARNING [thread] logger: message}, then the exception
 * with its stack, its suppressed exceptions and its causes ({@code Caused by: ...}).
 */
final class DiagnosticsFormat extends Formatter {

  @Override
  public String format(LogRecord record) {
    StringBuilder b = new StringBuilder(200);
    b.append(Instant.ofEpochMilli(record.getMillis()))
        .append(' ')
        .append(record.getLevel().getName())
        .append(" [")
        .append(Thread.currentThread().getName())
        .append("] ")
        .append(record.getLoggerName())
        .append(": ")
        .append(formatMessage(record))
        .append(System.lineSeparator());
    if (record.getThrown() != null) {
      Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      stack(b, record.getThrown(), "", "", seen);
    }
    return b.toString();
  }

  /** The exception, its frames, then its suppressed and its cause, each once. */
  private static void stack(
      StringBuilder b, Throwable t, String caption, String indent, Set<Throwable> seen) {
    if (!seen.add(t)) {
      b.append(indent).append(caption).append("[circular reference: ").append(t).append(']');
      b.append(System.lineSeparator());
      return;
    }
    b.append(indent).append(caption).append(t).append(System.lineSeparator());
    for (StackTraceElement frame : t.getStackTrace()) {
      b.append(indent).append("\tat ").append(frame).append(System.lineSeparator());
    }
    for (Throwable s : t.getSuppressed()) {
      stack(b, s, "Suppressed: ", indent + "\t", seen);
    }
    if (t.getCause() != null) {
      stack(b, t.getCause(), "Caused by: ", indent, seen);
    }
  }

  /** The first line a process writes to the file: what it is, on which Java and OS, its pid. */
  static String processLine(String process) {
    return String.format(
        Locale.ROOT,
        "log of %s (Java %s, %s %s, pid %d)",
        process,
        System.getProperty("java.version"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        ProcessHandle.current().pid());
  }
}
