package org.hopscope.oncall;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** The records one logger (and the loggers under it) receives while open; for assertions. */
public final class CapturedLog extends Handler implements AutoCloseable {

  private final Logger logger; // held: java.util.logging keeps loggers weakly
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
    setLevel(Level.ALL);
    logger.addHandler(this);
  }

  /** Captures what the logger named {@code name} (a class name, as the code uses) receives. */
  public static CapturedLog of(String name) {
    return new CapturedLog(Logger.getLogger(name));
  }

  /** "LEVEL message" of each record, in order; the level as System.Logger names map to JUL's. */
  public List<String> lines() {
    return records.stream().map(r -> r.getLevel().getName() + " " + r.getMessage()).toList();
  }

  /** The records themselves (level, message, thrown). */
  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
