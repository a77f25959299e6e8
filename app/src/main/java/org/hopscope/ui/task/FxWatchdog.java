package org.hopscope.ui.task;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.scene.Scene;

/**
 * Watchdog for the rule "the FX thread never waits": a heartbeat posted to the FX thread every 100
 * ms reports when it ran late by more than the threshold (something held the thread), and scene
 * pulse listeners report a layout/CSS pass that took longer than the threshold. Each stall is one
 * WARNING in the diagnostics log.
 */
public final class FxWatchdog implements AutoCloseable {

  private static final Logger LOG = System.getLogger(FxWatchdog.class.getName());
  private static final long BEAT_MILLIS = 100;

  private final long thresholdNanos;
  private final ScheduledExecutorService beat;
  private final AtomicBoolean waiting = new AtomicBoolean();
  private long pulseStart;

  /**
   * @param threshold what counts as a stall (50 ms: three missed frames)
   */
  public FxWatchdog(Duration threshold) {
    this.thresholdNanos = threshold.toNanos();
    this.beat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "hopscope-fx-watchdog");
              t.setDaemon(true);
              return t;
            });
  }

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
    LOG.log(Level.WARNING, () -> what + " (over " + millis(thresholdNanos) + " ms)");
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @Override
  public void close() {
    beat.shutdownNow();
  }
}
