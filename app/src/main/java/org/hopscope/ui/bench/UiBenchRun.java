package org.hopscope.ui.bench;

import atlantafx.base.theme.PrimerDark;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.hopscope.model.Flow;
import org.hopscope.ui.flow.FlowSelection;
import org.hopscope.ui.flow.FlowView;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.task.SynchronousTaskRunner;

/**
 * The UI measurements of {@code hopscope bench ui} on a real window: how long a flow takes from
 * arriving on the FX thread until it is drawn, and frame times while the timeline zooms and pans.
 * Call its methods from a thread other than the FX thread; they wait for the FX thread.
 */
public final class UiBenchRun {

  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private final AtomicReference<Flow> next = new AtomicReference<>();
  private FlowViewModel vm;
  private FlowView view;
  private Scene scene;

  /** Shows the flow view with the path diagram above it in {@code stage} (dark theme). */
  public static UiBenchRun show(Stage stage, double width, double height) {
    UiBenchRun run = new UiBenchRun();
    onFx(
        () -> {
          Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
          run.vm =
              new FlowViewModel(
                  (id, w, asOf, c) -> run.next.get(),
                  new SynchronousTaskRunner(),
                  Clock.systemUTC());
          FlowSelection selection = new FlowSelection();
          run.view = new FlowView(run.vm, selection);
          BorderPane root = new BorderPane(run.view);
          root.setTop(new PathDiagram(run.vm.shownProperty(), selection));
          run.scene = new Scene(root, width, height);
          stage.setScene(run.scene);
          stage.setTitle("hopscope bench ui");
          stage.show();
          return null;
        });
    return run;
  }

  /** Collections {@link #heapAfterGc} asks for at most. */
  static final int MAX_COLLECTIONS = 50;

  /** How long {@link #heapAfterGc} lets the renderer leave its critical region after a skip. */
  static final long RETRY_NANOS = 20_000_000;

  /** Full collections {@link #heapAfterGc} reads the heap after. */
  static final int READINGS = 3;

  /**
   * Heap in use right after a full collection, in bytes (what the client keeps, not garbage), or -1
   * when no full collection could be made to run. A requested collection is skipped while the
   * renderer holds the GC locker (JNI critical regions), and the reading then counts garbage: an
   * earlier run printed +609 MB above idle where about +120 MB was live. So a reading counts only
   * when a full collector's collection count rose (after a skip it waits {@link #RETRY_NANOS} and
   * asks again); it takes the lowest of {@link #READINGS} such readings (heap in use after a
   * collection is never below what is live).
   */
  public static long heapAfterGc() {
    java.lang.management.MemoryMXBean memory =
        java.lang.management.ManagementFactory.getMemoryMXBean();
    long lowest = Long.MAX_VALUE;
    int readings = 0;
    for (int i = 0; i < MAX_COLLECTIONS && readings < READINGS; i++) {
      long before = fullCollections();
      memory.gc();
      long used = memory.getHeapMemoryUsage().getUsed();
      if (fullCollections() > before) {
        lowest = Math.min(lowest, used);
        readings++;
      } else {
        java.util.concurrent.locks.LockSupport.parkNanos(RETRY_NANOS);
      }
    }
    return readings == 0 ? -1 : lowest;
  }

  /** Collections so far by the collectors that collect the whole heap (G1's old generation). */
  private static long fullCollections() {
    long n = 0;
    for (java.lang.management.GarbageCollectorMXBean gc :
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      String name = gc.getName();
      if (!name.contains("Young") && !name.contains("Scavenge") && !name.equals("Copy")) {
        n += Math.max(0, gc.getCollectionCount());
      }
    }
    return n;
  }

  public FlowView view() {
    return view;
  }

  /**
   * Hands {@code flow} to the view model on the FX thread (as a finished search would) and returns
   * the nanoseconds until the view reports it drawn.
   */
  public long open(Flow flow) {
    next.set(flow);
    CompletableFuture<Long> drawn = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          long t0 = System.nanoTime();
          ChangeListener<Boolean> done =
              (o, a, b) -> {
                if (b) {
                  drawn.complete(System.nanoTime() - t0);
                }
              };
          view.drawnProperty().addListener(done);
          drawn.whenComplete((r, e) -> view.drawnProperty().removeListener(done));
          vm.queryProperty().set(flow.query());
          vm.search();
        });
    return await(drawn);
  }

  /** Frame samples of one run: pulse intervals, FX-thread work per pulse, canvas redraws. */
  public record Frames(FrameStats interval, FrameStats work, FrameStats redraw) {}

  /**
   * Records pulses for {@code duration}; with {@code animate} the timeline zooms in and out around
   * a moving anchor and pans every frame, as a user with a wheel and a mouse would.
   */
  public Frames frames(Duration duration, boolean animate) {
    Samples intervals = new Samples();
    Samples work = new Samples();
    Samples redraws = new Samples();
    CompletableFuture<Frames> done = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          long[] pulseStart = {0};
          Runnable post =
              () -> {
                if (pulseStart[0] > 0) {
                  work.add(System.nanoTime() - pulseStart[0]);
                  pulseStart[0] = 0;
                }
              };
          scene.addPostLayoutPulseListener(post);
          view.timeline().setDrawListener(redraws::add);
          long end = System.nanoTime() + duration.toNanos();
          new AnimationTimer() {
            private long last;
            private int frame;

            @Override
            public void handle(long now) {
              long t = System.nanoTime();
              if (last > 0) {
                intervals.add(t - last);
              }
              last = t;
              pulseStart[0] = t;
              if (animate) {
                step(frame++);
              }
              if (t > end) {
                stop();
                scene.removePostLayoutPulseListener(post);
                view.timeline().setDrawListener(null);
                done.complete(
                    new Frames(
                        FrameStats.of(intervals.toArray()),
                        FrameStats.of(work.toArray()),
                        FrameStats.of(redraws.toArray())));
              }
            }
          }.start();
        });
    return await(done);
  }

  private void step(int frame) {
    double width = view.timeline().viewport().widthPx();
    int phase = frame % 240;
    double anchor = width * (0.25 + 0.5 * ((frame / 240) % 3) / 2.0);
    double factor = phase < 120 ? 1.04 : 1 / 1.04;
    view.timeline().zoom(anchor, factor);
    view.timeline().pan(phase % 60 < 30 ? 6 : -6);
  }

  private static <T> T onFx(Supplier<T> work) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(work.get());
          } catch (RuntimeException | Error e) {
            f.completeExceptionally(e);
          }
        });
    return await(f);
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the FX thread failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the FX thread did not finish within " + PATIENCE, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A growing list of longs, filled on the FX thread only. */
  private static final class Samples {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
