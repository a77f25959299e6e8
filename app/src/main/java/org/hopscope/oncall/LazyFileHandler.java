package org.hopscope.oncall;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.ErrorManager;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * A rotating {@link FileHandler} opened on the first record: nothing is created in the data folder
 * by a run that logs nothing. When the file cannot be opened or written (a full disk, a read-only
 * folder), later records are dropped, quietly: the JDK's default {@link ErrorManager} would print a
 * stack trace on stderr, burying the one line the command or client says about the failure that was
 * being logged (on a full disk that line already says the disk is full; see
 * docs/decisions/0021-store-opening-and-full-disks.md).
 */
final class LazyFileHandler extends Handler {

  private final Path folder;
  private final String process;
  private FileHandler file;
  private boolean failed;

  LazyFileHandler(Path folder, String process) {
    this.folder = folder;
    this.process = process;
    setErrorManager(new Quiet());
  }

  /** Stops writing the file at its first error instead of printing a stack trace on stderr. */
  private final class Quiet extends ErrorManager {
    @Override
    public void error(String msg, Exception ex, int code) {
      synchronized (LazyFileHandler.this) {
        failed = true;
      }
    }
  }

  @Override
  public synchronized void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    if (file == null && !failed) {
      open(record);
    }
    if (file != null && !failed) {
      file.publish(record); // FileHandler flushes each record
    }
  }

  private void open(LogRecord first) {
    try {
      Files.createDirectories(folder);
      // FileHandler patterns: '/' is the separator, '%g' the generation, '%%' a percent sign
      String pattern =
          folder.toAbsolutePath().toString().replace("%", "%%")
              + File.separator
              + "hopscope-%g.log";
      file = new FileHandler(pattern, DiagnosticsLog.LIMIT_BYTES, DiagnosticsLog.GENERATIONS, true);
      file.setErrorManager(getErrorManager());
      file.setEncoding(StandardCharsets.UTF_8.name());
      file.setFormatter(getFormatter());
      file.setLevel(getLevel());
      LogRecord start = new LogRecord(Level.INFO, DiagnosticsFormat.processLine(process));
      start.setLoggerName("hopscope");
      start.setInstant(first.getInstant());
      file.publish(start);
    } catch (IOException | RuntimeException e) {
      failed = true;
      reportError("cannot write the log in " + folder, e, ErrorManager.OPEN_FAILURE);
    }
  }

  @Override
  public synchronized void flush() {
    if (file != null) {
      file.flush();
    }
  }

  @Override
  public synchronized void close() {
    if (file != null) {
      file.close();
      file = null;
    }
  }
}
