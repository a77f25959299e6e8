package org.hopscope.ui.bench;

import atlantafx.base.theme.PrimerDark;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hopscope.model.TimeWindow;
import org.hopscope.ui.stuck.StuckView;
import org.hopscope.ui.stuck.StuckViewModel;
import org.hopscope.ui.stuck.StuckViewModel.State;
import org.hopscope.ui.task.FxTaskRunner;

/**
 * The client's side of {@code bench ui --window}: the stuck view in a real 1280x800 window (dark
 * theme) on the app's {@link FxTaskRunner}, with the estimate stage as the app has it; each {@link
 * #analyse(boolean)} presses Analyse and waits until the finished analysis is laid out. Call it
 * from a thread other than the FX thread.
 */
final class WindowBenchRun {

  private static final long PATIENCE_MINUTES = 15;

  /** One analysis: wall time, the first funnel, CPU spent and what it found (nanoseconds). */
  record Sample(
      long nanos,
      long firstFunnelNanos,
      long processCpuNanos,
      long fxCpuNanos,
      long renderCpuNanos,
      int messages,
      int deliveries,
      long stuck) {}

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private StuckViewModel vm;
  private org.hopscope.ui.stuck.StuckEstimateModel.StuckEstimator estimator;
  private Scene scene;
  private long fxThread;
  private int deliveries;

  private WindowBenchRun() {}

  /** Opens the window with the stuck view analysing {@code window} through {@code search}. */
  static WindowBenchRun show(
      StuckViewModel.StuckSearch search,
      org.hopscope.ui.stuck.StuckEstimateModel.StuckEstimator estimator,
      TimeWindow window) {
    WindowBenchRun run = new WindowBenchRun();
    ExecutorService executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "hopscope-task");
              t.setDaemon(true);
              return t;
            });
    CompletableFuture<Void> shown = new CompletableFuture<>();
    Runnable build =
        () -> {
          try {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            run.fxThread = Thread.currentThread().getId();
            run.vm = new StuckViewModel(search, new FxTaskRunner(executor), Clock.systemUTC());
            run.vm.windowProperty().set(window);
            run.estimator = estimator;
            run.vm.messages().addListener((ListChangeListener<Object>) c -> run.deliveries++);
            run.scene = new Scene(new StuckView(run.vm, id -> {}), 1280, 800);
            Stage stage = new Stage();
            stage.setScene(run.scene);
            stage.setTitle("hopscope bench ui --window");
            stage.show();
            shown.complete(null);
          } catch (RuntimeException | Error e) {
            shown.completeExceptionally(e);
          }
        };
    try {
      Platform.startup(build);
      toolkitStarted = true;
    } catch (IllegalStateException alreadyRunning) {
      toolkitStarted = true;
      Platform.runLater(build);
    }
    await(shown);
    return run;
  }

  /** Whether {@link #show} started JavaFX (it fails without a display). */
  private static volatile boolean toolkitStarted;

  /** Ends JavaFX if {@link #show} started it (Platform.exit waits forever for one that did not). */
  static void exitToolkit() {
    if (toolkitStarted) {
      Platform.exit();
    }
  }

  /**
   * Presses Analyse and measures until the finished analysis is laid out; {@code withEstimate}
   * false runs it without its estimate stage (what that stage costs the analysis).
   */
  Sample analyse(boolean withEstimate) {
    CompletableFuture<Sample> done = new CompletableFuture<>();
    long renderer = rendererThread();
    Platform.runLater(
        () -> {
          deliveries = 0;
          vm.estimates().estimateWith(withEstimate ? estimator : null);
          long cpu0 = WindowBench.processCpu();
          long fx0 = threads.getThreadCpuTime(fxThread);
          long render0 = renderer < 0 ? 0 : threads.getThreadCpuTime(renderer);
          long t0 = System.nanoTime();
          long[] firstFunnel = {-1};
          Runnable funnel =
              () -> {
                if (firstFunnel[0] < 0) {
                  firstFunnel[0] = System.nanoTime() - t0;
                }
              };
          afterLayout(vm.estimates().estimateProperty(), e -> e != null, funnel);
          afterLayout(vm.reportProperty(), r -> r != null, funnel);
          afterLayout(
              vm.stateProperty(),
              s -> s == State.DONE || s == State.FAILED || s == State.CANCELLED,
              () -> {
                long took = System.nanoTime() - t0;
                if (vm.stateProperty().get() != State.DONE) {
                  done.completeExceptionally(
                      new IllegalStateException(
                          "the client's analysis ended "
                              + vm.stateProperty().get()
                              + ": "
                              + vm.problemProperty().get()));
                  return;
                }
                done.complete(
                    new Sample(
                        took,
                        firstFunnel[0],
                        WindowBench.processCpuSince(cpu0),
                        threads.getThreadCpuTime(fxThread) - fx0,
                        renderer < 0 ? -1 : threads.getThreadCpuTime(renderer) - render0,
                        vm.messages().size(),
                        deliveries,
                        vm.reportProperty().get().totals().stuck()));
              });
          vm.analyze();
        });
    return await(done);
  }

  /**
   * Runs {@code then} after the layout of the pulse that follows {@code value} first passing {@code
   * test} (then it is on screen).
   */
  private <T> void afterLayout(
      ObservableValue<T> value, java.util.function.Predicate<T> test, Runnable then) {
    boolean[] seen = {false};
    value.addListener(
        new javafx.beans.value.ChangeListener<T>() {
          @Override
          public void changed(ObservableValue<? extends T> o, T was, T now) {
            if (seen[0] || !test.test(now)) {
              return;
            }
            seen[0] = true;
            value.removeListener(this);
            Runnable[] post = new Runnable[1];
            post[0] =
                () -> {
                  scene.removePostLayoutPulseListener(post[0]);
                  then.run();
                };
            scene.addPostLayoutPulseListener(post[0]);
            Platform.requestNextPulse();
          }
        });
  }

  /**
   * CPU time so far of the FX thread and the renderer (-1 when not found), in nanoseconds: read
   * around a CLI run, the idle window's share, which the client's figures include too.
   */
  long[] windowCpu() {
    long renderer = rendererThread();
    return new long[] {
      threads.getThreadCpuTime(fxThread), renderer < 0 ? -1 : threads.getThreadCpuTime(renderer)
    };
  }

  /** The id of JavaFX's render thread, or -1 when not found. */
  private long rendererThread() {
    for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (t != null && t.getThreadName().startsWith("QuantumRenderer")) {
        return t.getThreadId();
      }
    }
    return -1;
  }

  private static <T> T await(CompletableFuture<T> f) {
    try {
      return f.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the client's analysis did not finish within " + PATIENCE_MINUTES + " min", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
