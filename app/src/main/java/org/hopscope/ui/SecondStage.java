package org.hopscope.ui;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.hopscope.ui.alerts.AlertsView;
import org.hopscope.ui.flow.FlowHeadlineBar;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.FirstFrame;
import org.hopscope.ui.shell.LazyView;
import org.hopscope.ui.shell.MainScreen;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.status.StatusBar;
import org.hopscope.ui.stuck.StuckView;
import org.hopscope.ui.task.FxWatchdog;

/**
 * What the window builds after the lean first screen's first frame (ADR 0038): the path diagram and
 * the views, then the alerts, the note button, the File menu and its keys, the stall watchdog,
 * health polling and what the command line asked for. A failing step ends the client with 1 and
 * says why (as a failed start does). Part of the composition root.
 */
final class SecondStage {

  private static final Duration HEALTH_POLL = Duration.ofSeconds(30);

  private final GuiOptions options;
  private final PrintWriter err;
  private final IntConsumer shutdown;
  private final BooleanSupplier closing;
  private final ActiveConnection connection;
  private final BundleActions bundles;
  private final OnCallViews onCall;
  private final WindowModels models;
  private final HopscopeApp.Parts parts;
  private final MainScreen main;
  private final StatusBar statusBar;
  private FxWatchdog watchdog;
  private Runnable stopPolling = () -> {};
  // held here: the screenshot mode's bindings must live as long as the window
  private ScreenshotMode screenshot;

  SecondStage(
      GuiOptions options,
      PrintWriter err,
      IntConsumer shutdown,
      BooleanSupplier closing,
      ActiveConnection connection,
      BundleActions bundles,
      OnCallViews onCall,
      WindowModels models,
      HopscopeApp.Parts parts,
      MainScreen main,
      StatusBar statusBar) {
    this.options = options;
    this.err = err;
    this.shutdown = shutdown;
    this.closing = closing;
    this.connection = connection;
    this.bundles = bundles;
    this.onCall = onCall;
    this.models = models;
    this.parts = parts;
    this.main = main;
    this.statusBar = statusBar;
  }

  /** Queues the steps to run once {@code firstFrame} is drawn. */
  void after(FirstFrame firstFrame) {
    firstFrame.then(guarded(this::views)).then(guarded(this::rest));
  }

  /** Stops the health polling and the watchdog (when they were started). */
  void close() {
    stopPolling.run();
    if (watchdog != null) {
      watchdog.close();
    }
  }

  /** A step whose failure ends the client with 1 and says why (as a failed start). */
  private Runnable guarded(Runnable step) {
    return () -> {
      if (closing.getAsBoolean()) {
        return;
      }
      try {
        step.run();
      } catch (RuntimeException e) {
        System.getLogger(HopscopeApp.class.getName())
            .log(System.Logger.Level.ERROR, "the window cannot be built", e);
        err.println("hopscope gui: the window cannot be built: " + e);
        shutdown.accept(1);
      }
    };
  }

  /** First part: the path diagram and the current view below the first screen. */
  private void views() {
    PathDiagram diagram = new PathDiagram(models.flow.shownProperty(), models.selection);
    main.views(
        new MainScreen.Slots(
            new VBox(8, new FlowHeadlineBar(models.flow.shownProperty()), row(diagram)),
            parts.flowView(),
            new LazyView<>(() -> new StuckView(models.window, models.shell::openFlow)),
            parts.metricsView(),
            new LazyView<>(() -> onCall.incidentsView(models.shell)),
            new LazyView<>(onCall::playbookView),
            null,
            null,
            delta -> diagram.selectNext(delta)));
  }

  /** Second part: alerts, note button, File menu and keys, watchdog, polling, the command line. */
  private void rest() {
    Stage stage = parts.stage();
    Scene scene = stage.getScene();
    AlertsView alertsView = onCall.alertsView(models.shell, ZoneId.systemDefault());
    main.alerts(alertsView.badge(), alertsView.panel());
    if (connection.current() != null) {
      onCall.refreshAlerts(); // connected before the alerts were built
    }
    main.navAction(onCall.noteButton(models.selection, models.flow));
    bundles.install(main, scene, stage, onCall.openIncident());
    scene
        .getAccelerators()
        .put(
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
            () -> {
              if (models.shell.viewProperty().get() == View.FLOW) {
                parts.flowView().get().focusFilter();
              }
            });
    // stalls a user notices go to the log; --debug also the ones over 50 ms (three frames)
    watchdog = new FxWatchdog(Duration.ofMillis(options.debug ? 50 : 250));
    watchdog.start().watch(scene);
    statusBar.startPolling(HEALTH_POLL);
    stopPolling = statusBar::stopPolling;
    StartViews.open(parts, onCall, options);
    bundles.openAtStart(options.open);
    if (options.screenshot != null) {
      screenshot = new ScreenshotMode(parts, onCall, options, err, shutdown);
      screenshot.arm();
    }
  }

  /** The diagram in a row of its own, as wide as the window. */
  private static Node row(PathDiagram diagram) {
    HBox.setHgrow(diagram, Priority.ALWAYS);
    return new HBox(diagram);
  }
}
