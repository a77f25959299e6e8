package org.hopscope.ui;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.profiles.ProfilesViewModel;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.FirstFrame;
import org.hopscope.ui.shell.MainScreen;
import org.hopscope.ui.shell.UiPreferences;
import org.hopscope.ui.status.StatusBar;
import org.hopscope.ui.task.FxTaskRunner;

/**
 * The window's store side, built after the lean first screen's first frame once the incident store
 * and the playbooks are read (ADR 0043, 0045): the incidents and playbooks, the bundles, profile
 * switching with the connection at start, and the second stage. A profile chosen before it is there
 * is switched to once it is. Part of the composition root; FX thread only.
 */
final class StoreSide {

  private final GuiOptions options;

  /**
   * The local incident store, or null when it could not be opened (the views say why); still
   * opening while the first screen is built (ADR 0043).
   */
  private final CompletableFuture<IncidentDesk> incidents;

  /** The playbooks of {@code $hopscope.home/playbooks} (valid ones; problems printed at start). */
  private final CompletableFuture<PlaybookCatalog> playbookCatalog;

  private final Path queries;
  private final String home;
  private final Path configDir;
  private final UiPreferences preferences;
  private final ActiveConnection connection;
  private final FxTaskRunner runner;
  private final Clock clock;
  private final ObjectProperty<ChartTheme> chartTheme;
  private final PrintWriter err;
  private final IntConsumer shutdown;
  private final BooleanSupplier closing;
  private final Supplier<ProfilesViewModel> profiles;
  private OnCallViews onCall;
  private BundleActions bundles;
  private ProfileSwitch profileSwitch;
  private SecondStage secondStage;
  private String profileAsked;

  StoreSide(
      GuiOptions options,
      CompletableFuture<IncidentDesk> incidents,
      CompletableFuture<PlaybookCatalog> playbookCatalog,
      Path queries,
      String home,
      Path configDir,
      UiPreferences preferences,
      ActiveConnection connection,
      FxTaskRunner runner,
      Clock clock,
      ObjectProperty<ChartTheme> chartTheme,
      PrintWriter err,
      IntConsumer shutdown,
      BooleanSupplier closing,
      Supplier<ProfilesViewModel> profiles) {
    this.options = options;
    this.incidents = incidents;
    this.playbookCatalog = playbookCatalog;
    this.queries = queries;
    this.home = home;
    this.configDir = configDir;
    this.preferences = preferences;
    this.connection = connection;
    this.runner = runner;
    this.clock = clock;
    this.chartTheme = chartTheme;
    this.err = err;
    this.shutdown = shutdown;
    this.closing = closing;
    this.profiles = profiles;
  }

  /**
   * Queues the store side as a {@code firstFrame} step that waits for the store and the playbooks;
   * {@code firstFrame} is not done until it ran. A failure ends the client with 1 and says why.
   */
  void after(
      FirstFrame firstFrame,
      WindowModels models,
      HopscopeApp.Parts parts,
      MainScreen main,
      StatusBar statusBar) {
    // what needs the store or the playbooks, and the connection, is built after the first frame
    // once both are read: nothing of it competes with the first frame for the CPU (ADR 0045)
    Runnable rest = () -> withStore(firstFrame, models, parts, main, statusBar);
    Runnable release = firstFrame.hold();
    firstFrame.then(
        () ->
            CompletableFuture.allOf(incidents, playbookCatalog)
                .whenComplete(
                    (done, failure) ->
                        javafx.application.Platform.runLater(
                            () -> {
                              release.run();
                              if (closing.getAsBoolean()) {
                                return;
                              }
                              try {
                                rest.run();
                              } catch (RuntimeException e) { // as when the window cannot be built
                                System.getLogger(HopscopeApp.class.getName())
                                    .log(
                                        System.Logger.Level.ERROR, "the window cannot be built", e);
                                err.println("hopscope gui: " + e.getMessage());
                                shutdown.accept(1);
                              }
                            })));
  }

  /** The incidents, playbooks, profile switching and the second stage (ADR 0038, 0043). */
  private void withStore(
      FirstFrame firstFrame,
      WindowModels models,
      HopscopeApp.Parts parts,
      MainScreen main,
      StatusBar statusBar) {
    IncidentDesk desk = incidents.join(); // both done: they report their own failures as null
    bundles =
        new BundleActions(
            desk,
            queries,
            Path.of(home != null ? home : ".", "playbooks"),
            configDir,
            runner,
            clock,
            chartTheme);
    onCall =
        new OnCallViews(desk, playbookCatalog.join(), runner, clock, models::bound, err, configDir);
    onCall.wire(models.shell, models.window, models.selection);
    onCall.exportFolder(
        new org.hopscope.ui.incident.ExportFolder(
            preferences::exportFolder,
            preferences::exportFolder,
            java.nio.file.Path.of(System.getProperty("user.home"))));
    profileSwitch =
        new ProfileSwitch(options, connection, preferences, runner, err, shutdown, parts, onCall);
    // the connection opens off the FX thread while the rest of the window is built
    profileSwitch.connectAtStart(profiles, parts.stage());
    secondStage =
        new SecondStage(
            options,
            err,
            shutdown,
            closing,
            connection,
            bundles,
            onCall,
            models,
            parts,
            main,
            statusBar);
    secondStage.after(firstFrame);
    if (profileAsked != null) {
      profileSwitch.use(profileAsked); // chosen in the profile menu before the store was open
    }
  }

  /** Switches to profile {@code name}, or once the store side is built when it is not yet. */
  void use(String name) {
    if (profileSwitch == null) {
      profileAsked = name;
    } else {
      profileSwitch.use(name);
    }
  }

  /** The incidents and playbook side, null until built. */
  OnCallViews onCall() {
    return onCall;
  }

  /** File menu, bundle windows; null until built. */
  BundleActions bundles() {
    return bundles;
  }

  /** Stops the second stage's health polling and watchdog (when it was built). */
  void closeSecondStage() {
    if (secondStage != null) {
      secondStage.close();
    }
  }

  /** Closes the on-call side (when it was built). */
  void closeOnCall() {
    if (onCall != null) {
      onCall.close(); // the last scheduled note write still runs; GuiMain closes the store after
    }
  }
}
