package org.hopscope.ui.task;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Debug watchdog for the rule "the FX thread never waits": a heartbeat posted to the FX thread
 * every 100 ms reports when it ran late by more than the threshold (something held the thread), and
 * scene pulse listeners report a layout/CSS pass that took longer than the threshold.
 */
public final class FxWatchdog implements AutoCloseable {

  private static final long BEAT_MILLIS = 100;

  private final long thresholdNanos;
  private final Consumer<String> log;
  private final ScheduledExecutorService beat;
  private final AtomicBoolean waiting = new AtomicBoolean();
  private final AtomicLong stalls = new AtomicLong();
  private long pulseStart;

  /**
   * @param threshold what counts as a stall (50 ms: three missed frames)
   * @param log receives one line per stall
   */
  public FxWatchdog(Duration threshold, Consumer<String> log) {
    this.thresholdNanos = threshold.toNanos();
    this.log = log;
    this.beat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hopscope-fx-watchdog");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts the heartbeat. */
  public FxWatchdog start() {
    beat.scheduleAtFixedRate(this::post, BEAT_MILLIS, BEAT_MILLIS, TimeUnit.MILLISECONDS);
    return this;
  }

  /** Also times the layout/CSS part of every pulse of {@code scene}. */
  public void watch(Scene scene) {
    scene.addPreLayoutPulseListener(() -> pulseStart = System.nanoTime());
    scene.addPostLayoutPulseListener(
        () -> {
          long took = System.nanoTime() - pulseStart;
          if (pulseStart != 0 && took > thresholdNanos) {
            report("FX pulse layout/CSS took " + millis(took) + " ms");
          }
        });
  }

  /** How many stalls were seen so far. */
  public long stalls() {
    return stalls.get();
  }

  private void post() {
    if (!waiting.compareAndSet(false, true)) {
      return; // the previous beat has not run yet: it will report the whole wait
    }
    long posted = System.nanoTime();
    Platform.runLater(
        () -> {
          waiting.set(false);
          long late = System.nanoTime() - posted;
          if (late > thresholdNanos) {
            report("FX thread was busy for " + millis(late) + " ms");
          }
        });
  }

  private void report(String what) {
    stalls.incrementAndGet();
    log.accept(what + " (over " + millis(thresholdNanos) + " ms; see --debug)");
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @Override
  public void close() {
    beat.shutdownNow();
  }
}
