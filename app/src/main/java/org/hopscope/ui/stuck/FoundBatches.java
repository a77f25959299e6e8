package org.hopscope.ui.stuck;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ObjLongConsumer;
import org.hopscope.model.StuckMessage;

/**
 * Collects the messages an analysis finds on its own thread and hands them on in coalesced batches:
 * the first message at once (the first row appears as soon as there is one), then at most one batch
 * per {@code every}, and whatever is left when {@link #flush()} is called at the end. So the FX
 * thread sees a handful of list changes per second however fast the scan finds messages (ADR 0039).
 * A message held back is handed on by a flush {@code later} runs one period on, so it never waits
 * for the next message or the end of a long scan. Once batches have been handed on for {@link
 * #SETTLE}, the period widens to {@link #SETTLED_EVERY}: the table's first page is full by then and
 * a further batch only moves the count, the progress words and the scroll bar, while each costs the
 * FX thread and the renderer a layout and a redraw that the scans' two cores need (ADR 0047).
 */
final class FoundBatches implements Consumer<StuckMessage> {

  /** How often the client's list grows at most while an analysis runs. */
  static final Duration EVERY = Duration.ofMillis(200);

  /** How long batches go at most every {@link #EVERY} before the period widens. */
  static final Duration SETTLE = Duration.ofSeconds(2);

  /** How often the list grows at most after {@link #SETTLE}. */
  static final Duration SETTLED_EVERY = Duration.ofSeconds(1);

  private final Consumer<List<StuckMessage>> publish;
  private final LongSupplier millis;
  private final long every;
  private final long settle;
  private final long settledEvery;
  private final ObjLongConsumer<Runnable> later;
  private List<StuckMessage> pending = new ArrayList<>();
  private long first = Long.MIN_VALUE;
  private long last = Long.MIN_VALUE;
  private boolean flushAhead;

  /**
   * @param publish receives each batch (on the analysis' thread)
   * @param millis the clock's milliseconds
   * @param every the shortest time between two batches, for {@code settle} from the first
   * @param settle how long after the first batch the period widens to {@code settledEvery}
   * @param settledEvery the shortest time between two batches from then on
   * @param later runs its argument once, the given milliseconds from now (on any thread)
   */
  FoundBatches(
      Consumer<List<StuckMessage>> publish,
      LongSupplier millis,
      Duration every,
      Duration settle,
      Duration settledEvery,
      ObjLongConsumer<Runnable> later) {
    this.publish = publish;
    this.millis = millis;
    this.every = every.toMillis();
    this.settle = settle.toMillis();
    this.settledEvery = settledEvery.toMillis();
    this.later = later;
  }

  /** The client's batches: {@link #EVERY}, after {@link #SETTLE} {@link #SETTLED_EVERY}. */
  FoundBatches(
      Consumer<List<StuckMessage>> publish, LongSupplier millis, ObjLongConsumer<Runnable> later) {
    this(publish, millis, EVERY, SETTLE, SETTLED_EVERY, later);
  }

  @Override
  public synchronized void accept(StuckMessage m) {
    pending.add(m);
    long now = millis.getAsLong();
    if (last == Long.MIN_VALUE || now - last >= period(now)) {
      hand(now);
    } else if (!flushAhead) {
      flushAhead = true;
      later.accept(this::flush, last + period(now) - now);
    }
  }

  /** The shortest time between two batches at {@code now}. */
  private long period(long now) {
    return first != Long.MIN_VALUE && now - first >= settle ? settledEvery : every;
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
    if (first == Long.MIN_VALUE) {
      first = now;
    }
    last = now;
    if (!pending.isEmpty()) {
      List<StuckMessage> batch = pending;
      pending = new ArrayList<>();
      publish.accept(batch);
    }
  }
}
