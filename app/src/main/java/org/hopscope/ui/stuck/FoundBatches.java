package org.hopscope.ui.stuck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.hopscope.model.StuckMessage;

/**
 * Collects the messages an analysis finds on its own thread and hands them on in coalesced batches:
 * the first message at once (the first row appears as soon as there is one), then at most one batch
 * per {@code every}, and whatever is left when {@link #flush()} is called at the end. So the FX
 * thread sees a handful of list changes per second however fast the scan finds messages (ADR 0039).
 * A message found after a batch waits for the next message or the end of the scan.
 */
final class FoundBatches implements Consumer<StuckMessage> {

  /** How often the client's list grows at most while an analysis runs. */
  static final Duration EVERY = Duration.ofMillis(200);

  private final Consumer<List<StuckMessage>> publish;
  private final LongSupplier millis;
  private final long every;
  private List<StuckMessage> pending = new ArrayList<>();
  private long last = Long.MIN_VALUE;

  /**
   * @param publish receives each batch (on the analysis' thread)
   * @param millis the clock's milliseconds
   * @param every the shortest time between two batches
   */
  FoundBatches(Consumer<List<StuckMessage>> publish, LongSupplier millis, Duration every) {
    this.publish = publish;
    this.millis = millis;
    this.every = every.toMillis();
  }

  @Override
  public synchronized void accept(StuckMessage m) {
    pending.add(m);
    long now = millis.getAsLong();
    if (last == Long.MIN_VALUE || now - last >= every) {
      hand(now);
    }
  }

  /** Hands on what is pending (the end of the analysis, or its failure). */
  synchronized void flush() {
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
