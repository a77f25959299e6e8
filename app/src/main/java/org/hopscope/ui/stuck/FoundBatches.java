package org.hopscope.ui.stuck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.hopscope.model.StuckMessage;

/**
 * Collects the messages an analysis finds on its own thread and hands them on in coalesced batches:
 * the first message at once (the first row appears as soon as there is one), then at most one batch
 * per {@code every}, and whatever is left when {@link #flush()} is called at the end. So the FX
 * thread sees a handful of list changes per second however fast the scan finds messages (ADR 0039).
 * A message held back is handed on by a flush {@code later} runs one period on, so it never waits
 * for the next message or the end of a long scan.
 */
final class FoundBatches implements Consumer<StuckMessage> {

  /** How often the client's list grows at most while an analysis runs. */
  static final Duration EVERY = Duration.ofMillis(200);

  private final Consumer<List<StuckMessage>> publish;
  private final LongSupplier millis;
  private final long every;
  private final Consumer<Runnable> later;
  private List<StuckMessage> pending = new ArrayList<>();
  private long last = Long.MIN_VALUE;
  private boolean flushAhead;

  /**
   * @param publish receives each batch (on the analysis' thread)
   * @param millis the clock's milliseconds
   * @param every the shortest time between two batches
   * @param later runs its argument once, {@code every} from now (on any thread)
   */
  FoundBatches(
      Consumer<List<StuckMessage>> publish,
      LongSupplier millis,
      Duration every,
      Consumer<Runnable> later) {
    this.publish = publish;
    this.millis = millis;
    this.every = every.toMillis();
    this.later = later;
  }

  @Override
  public synchronized void accept(StuckMessage m) {
    pending.add(m);
    long now = millis.getAsLong();
    if (last == Long.MIN_VALUE || now - last >= every) {
      hand(now);
    } else if (!flushAhead) {
      flushAhead = true;
      later.accept(this::flush);
    }
  }

  /** A daemon thread for one analysis' flushes (shut down when it ends). */
  static ScheduledExecutorService timer() {
    return Executors.newSingleThreadScheduledExecutor(
        r -> {
          Thread t = new Thread(r, "stuck-batches");
          t.setDaemon(true);
          return t;
        });
  }

  /** Hands on what is pending (the end of the analysis, or its failure). */
  synchronized void flush() {
    flushAhead = false;
    hand(millis.getAsLong());
  }

  private void hand(long now) {
    last = now;
    if (!pending.isEmpty()) {
      List<StuckMessage> batch = pending;
      pending = new ArrayList<>();
      publish.accept(batch);
    }
  }
}
