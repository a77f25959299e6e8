package org.hopscope.ui.bench;

import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.hopscope.model.Flow;
import org.hopscope.model.PathDef;
import org.hopscope.oncall.Engine;
import org.hopscope.source.Cancellation;

/**
 * The engine's side of {@code bench ui}: the message's flow read {@link #RUNS} times through {@code
 * Engine.flow} as the client reads it (metrics included, a first answer asked for), timing the
 * first answer and the whole one. The first run is the cold one (right after start).
 *
 * @param flow the last run's whole answer
 * @param first the last run's first answer, or null when the engine handed on none (the message
 *     fits its first pages)
 * @param wholeNanos per run: until the whole answer
 * @param firstNanos per run: until the first answer was built (-1 without one)
 */
record EngineRuns(Flow flow, Flow first, long[] wholeNanos, long[] firstNanos) {

  /** Engine runs per bench: one cold, then warm ones. */
  static final int RUNS = 3;

  static EngineRuns of(Engine engine, PathDef path, String id) {
    long[] whole = new long[RUNS];
    long[] first = new long[RUNS];
    Arrays.fill(first, -1);
    Flow flow = null;
    AtomicReference<Flow> early = new AtomicReference<>();
    for (int i = 0; i < RUNS; i++) {
      int run = i;
      early.set(null);
      long t0 = System.nanoTime();
      flow =
          engine.flow(
              path,
              id,
              null,
              Instant.now(),
              true,
              new Cancellation(),
              f -> {
                if (early.get() == null) {
                  first[run] = System.nanoTime() - t0;
                  early.set(f);
                }
              });
      whole[i] = System.nanoTime() - t0;
    }
    return new EngineRuns(flow, early.get(), whole, first);
  }

  double coldMs() {
    return wholeNanos[0] / 1e6;
  }

  double warmMs() {
    return warm(wholeNanos);
  }

  double firstColdMs() {
    return firstNanos[0] / 1e6;
  }

  double firstWarmMs() {
    return warm(firstNanos);
  }

  private static double warm(long[] nanos) {
    return FrameStats.of(Arrays.copyOfRange(nanos, Math.min(1, nanos.length - 1), nanos.length))
        .medianMs();
  }
}
