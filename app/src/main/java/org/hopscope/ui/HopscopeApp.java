package org.hopscope.ui;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.model.TimeWindow;
import org.hopscope.oncall.ConnectionCheck;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.flow.FlowSelection;
import org.hopscope.ui.flow.FlowView;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.metrics.MetricsView;
import org.hopscope.ui.metrics.MetricsViewModel;
import org.hopscope.ui.profiles.ProfilesDialog;
import org.hopscope.ui.profiles.ProfilesViewModel;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.FirstFrame;
import org.hopscope.ui.shell.LazyView;
import org.hopscope.ui.shell.MainScreen;
import org.hopscope.ui.shell.ProfileMenu;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.shell.Theme;
import org.hopscope.ui.shell.UiPreferences;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.status.StatusBar;
import org.hopscope.ui.status.StatusViewModel;
import org.hopscope.ui.stuck.StuckView;
import org.hopscope.ui.stuck.StuckViewModel;
import org.hopscope.ui.task.FxTaskRunner;
import org.hopscope.ui.task.FxWatchdog;

/**
 * The desktop client's composition root: builds the services and view models, hands them to the
 * views, and starts what the command line asked for. Nothing else constructs services (ADR 0010).
 */
public final class HopscopeApp {

  private static final Duration HEALTH_POLL = Duration.ofSeconds(30);

  private final GuiOptions options;

  /** The local incident store, or null when it could not be opened (the views say why). */
  private final IncidentDesk incidents;

  /** The playbooks of {@code $hopscope.home/playbooks} (valid ones; problems printed at start). */
  private final PlaybookCatalog playbookCatalog;

  private final Clock clock;
  private final PrintWriter err;
  private final ActiveConnection connection;

  /** The OS keychain: profiles' keychain-held secrets (ADR 0020). */
  private final org.hopscope.config.Keychain keychain;

  private final java.util.Map<String, String> env;
  private final ConnectionCheck connectionCheck;
  private final UiPreferences preferences;
  private final Path configDir;
  private final ExecutorService executor =
      Executors.newFixedThreadPool(
          4,
          r -> {
            Thread t = new Thread(r, "hopscope-task");
            t.setDaemon(true);
            return t;
          });
  private final FxTaskRunner runner = new FxTaskRunner(executor);
  private final CompletableFuture<Integer> exit = new CompletableFuture<>();
  private final ObjectProperty<TimeWindow> outageWindow = new SimpleObjectProperty<>();
  private final ObjectProperty<ChartTheme> chartTheme = new SimpleObjectProperty<>(ChartTheme.DARK);
  private FxWatchdog watchdog;
  private ScreenshotMode screenshot;
  private OnCallViews onCall;
  private boolean closing;
  private Runnable stopPolling = () -> {};
  private Parts parts;
  private ProfileSwitch profileSwitch;
  private final BundleActions bundles;
  private final FirstFrame firstFrame = new FirstFrame();

  /** The pieces one window is made of, for the screenshot mode and tests. */
  record Parts(
      Stage stage,
      ShellModel shell,
      FlowViewModel flow,
      LazyView<FlowView> flowView,
      StuckViewModel window,
      LazyView<MetricsView> metricsView,
      StatusViewModel status,
      org.hopscope.ui.compare.CompareWindow compare) {}

  HopscopeApp(
      GuiOptions options,
      Map<String, String> env,
      Properties system,
      Path workingDir,
      Clock clock,
      PrintWriter err,
      IncidentDesk incidents,
      PlaybookCatalog playbookCatalog) {
    this.options = options;
    this.playbookCatalog = playbookCatalog;
    this.incidents = incidents;
    this.clock = clock;
    this.err = err;
    String home = system.getProperty("hopscope.home");
    Path queries = home != null ? Path.of(home, "queries") : workingDir.resolve("queries");
    this.keychain = new org.hopscope.config.OsKeychain();
    this.env = env;
    this.connection =
        new ActiveConnection(
            new org.hopscope.oncall.Connector(env, system, workingDir, queries, keychain));
    // Test connection also checks every index pattern and field of the profile's paths
    this.connectionCheck = new ConnectionCheck(ConnectionCheck.pathsOf(workingDir, queries));
    this.configDir = ConfigDirs.detect(env, system).configDir();
    this.preferences = UiPreferences.load(configDir.resolve("ui.properties"));
    this.bundles =
        new BundleActions(
            incidents,
            queries,
            Path.of(home != null ? home : ".", "playbooks"),
            configDir,
            runner,
            clock,
            chartTheme);
  }

  /**
   * Builds and shows the window on {@code stage}; the future completes with the exit code. The lean
   * first screen (search bar, path, status) is shown first; the views, the alerts, the menus and
   * what the command line asked for are built after its first frame (ADR 0038).
   */
  CompletableFuture<Integer> start(Stage stage) {
    FlowViewModel flow =
        new FlowViewModel(
            (id, w, asOf, c) -> bound().engine().flow(bound().path(), id, w, asOf, c),
            runner,
            clock);
    FlowSelection selection = new FlowSelection();
    StuckViewModel window =
        new StuckViewModel(
            (w, asOf, found, c) -> bound().engine().stuck(bound().path(), w, asOf, found, c),
            runner,
            clock);
    ShellModel shell = new ShellModel(flow, stuckAnalysis(window), preferences, clock);
    window.windowSource(
        () -> shell.windowProperty().get().resolve(clock.instant()), shell.windowProperty());
    window.changes().compareWith((r, b, c) -> bound().engine().compare(bound().path(), r, b, c));
    window
        .estimates()
        .estimateWith((w, a, c) -> bound().engine().estimateStuck(bound().path(), w, a, c));
    MetricsViewModel metrics =
        new MetricsViewModel(flow.flowProperty(), selection.hopProperty(), outageWindow);
    StatusViewModel status = new StatusViewModel(null, runner, clock);

    onCall =
        new OnCallViews(incidents, playbookCatalog, runner, clock, this::bound, err, configDir);
    onCall.wire(shell, window, selection);
    onCall.exportFolder(
        new org.hopscope.ui.incident.ExportFolder(
            preferences::exportFolder,
            preferences::exportFolder,
            java.nio.file.Path.of(System.getProperty("user.home"))));
    org.hopscope.ui.compare.CompareWindow compare =
        new org.hopscope.ui.compare.CompareWindow(
            flow,
            (id, with, w, asOf, c) ->
                bound().engine().compare(bound().path(), id, with, w, asOf, c),
            runner);
    if (options.compare != null) {
      window
          .changes()
          .baselineProperty()
          .set(org.hopscope.model.StuckBaseline.parse(options.compare));
    }
    // views not on screen at start are built when first shown (issue 6: fast start)
    LazyView<FlowView> flowView =
        new LazyView<>(
            () -> {
              FlowView v = new FlowView(flow, selection);
              v.addAction(onCall.flowEvidenceButton(flow));
              v.addAction(compare.button());
              return v;
            });
    LazyView<MetricsView> metricsView =
        new LazyView<>(
            () -> {
              MetricsView v = new MetricsView(metrics, runner);
              v.evidenceTarget(onCall.chartEvidence());
              v.themeProperty().bind(chartTheme);
              return v;
            });
    StatusBar statusBar = new StatusBar(status);
    ProfilesViewModel profiles =
        new ProfilesViewModel(
            connection.store(), (p, c) -> connectionCheck.check(p, c), runner, keychain, env);
    ProfileMenu profileMenu =
        new ProfileMenu(
            connection.store(),
            status.profileNameProperty(),
            this::use,
            () -> {
              org.hopscope.oncall.Connector.Opened c = connection.current();
              if (c != null) {
                profiles.select(c.profile());
              }
              new ProfilesDialog(profiles, stage, this::use).show();
            });
    shell.viewProperty().set(View.parse(options.mainView()));
    MainScreen main = new MainScreen(shell, profileMenu, statusBar, ZoneId.systemDefault());
    parts = new Parts(stage, shell, flow, flowView, window, metricsView, status, compare);
    profileSwitch =
        new ProfileSwitch(
            options, connection, preferences, runner, err, this::shutdown, parts, onCall);

    Theme theme = options.theme != null ? Theme.parse(options.theme) : shell.themeProperty().get();
    applyTheme(theme);
    shell.themeProperty().addListener((o, was, now) -> applyTheme(now));
    timeQueries(flow, window, status);
    flow.flowProperty().addListener((o, was, now) -> selection.clear());
    shell
        .pathProperty()
        .addListener(
            (o, was, now) -> {
              org.hopscope.oncall.Connector.Opened c = connection.current();
              metrics.pathProperty().set(c == null ? null : c.catalog().path(now).orElse(null));
            });

    Scene scene = new Scene(main, options.width(), options.height());
    main.installShortcuts(scene);
    stage.setScene(scene);
    stage.sizeToScene();
    stage.setTitle("Hopscope");
    stage.getIcons().setAll(AppIcons.all());
    stage.setOnHidden(e -> shutdown(0));
    if (options.outage != null) {
      shell.outage(SandboxOutage.read(options.outage));
      outageWindow.set(shell.outage());
    }
    if (options.window() != null) {
      shell
          .windowProperty()
          .set(
              new org.hopscope.ui.shell.WindowChoice(
                  org.hopscope.ui.shell.WindowPreset.CUSTOM, options.window()));
    }
    stage.show();
    firstFrame.arm();
    if (!preferences.problem().isEmpty()) {
      err.println("hopscope: " + preferences.problem());
    }
    // the connection opens off the FX thread while the rest of the window is built
    profileSwitch.connectAtStart(profiles, stage);
    firstFrame
        .then(guarded(() -> views(main, shell, flow, selection, flowView, metricsView, window)))
        .then(guarded(() -> rest(main, scene, stage, shell, flow, selection, flowView, statusBar)));
    return exit;
  }

  /** A second-stage step whose failure ends the client with 1 and says why (as a failed start). */
  private Runnable guarded(Runnable step) {
    return () -> {
      if (closing) {
        return;
      }
      try {
        step.run();
      } catch (RuntimeException e) {
        System.getLogger(HopscopeApp.class.getName())
            .log(System.Logger.Level.ERROR, "the window cannot be built", e);
        err.println("hopscope gui: the window cannot be built: " + e);
        shutdown(1);
      }
    };
  }

  /** The second stage, first part: the path diagram and the current view below the first screen. */
  private void views(
      MainScreen main,
      ShellModel shell,
      FlowViewModel flow,
      FlowSelection selection,
      LazyView<FlowView> flowView,
      LazyView<MetricsView> metricsView,
      StuckViewModel window) {
    PathDiagram diagram = new PathDiagram(flow.flowProperty(), selection);
    main.views(
        new MainScreen.Slots(
            new javafx.scene.layout.VBox(
                8, new org.hopscope.ui.flow.FlowHeadlineBar(flow.flowProperty()), row(diagram)),
            flowView,
            new LazyView<>(() -> new StuckView(window, shell::openFlow)),
            metricsView,
            new LazyView<>(() -> onCall.incidentsView(shell)),
            new LazyView<>(onCall::playbookView),
            null,
            null,
            delta -> diagram.selectNext(delta)));
  }

  /**
   * The second stage, second part: alerts, the note button, the File menu and its keys, the stall
   * watchdog, health polling, and what the command line asked for.
   */
  private void rest(
      MainScreen main,
      Scene scene,
      Stage stage,
      ShellModel shell,
      FlowViewModel flow,
      FlowSelection selection,
      LazyView<FlowView> flowView,
      StatusBar statusBar) {
    org.hopscope.ui.alerts.AlertsView alertsView = onCall.alertsView(shell, ZoneId.systemDefault());
    main.alerts(alertsView.badge(), alertsView.panel());
    if (connection.current() != null) {
      onCall.refreshAlerts(); // connected before the alerts were built
    }
    main.navAction(onCall.noteButton(selection, flow));
    bundles.install(main, scene, stage, onCall.openIncident());
    scene
        .getAccelerators()
        .put(
            new javafx.scene.input.KeyCodeCombination(
                javafx.scene.input.KeyCode.F, javafx.scene.input.KeyCombination.SHORTCUT_DOWN),
            () -> {
              if (shell.viewProperty().get() == View.FLOW) {
                flowView.get().focusFilter();
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
      screenshot = new ScreenshotMode(parts, onCall, options, err, this::shutdown);
      screenshot.arm();
    }
  }

  /** The diagram in a row of its own, as wide as the window. */
  private static javafx.scene.Node row(PathDiagram diagram) {
    javafx.scene.layout.HBox.setHgrow(diagram, javafx.scene.layout.Priority.ALWAYS);
    return new javafx.scene.layout.HBox(diagram);
  }

  /** For tests: the incidents and playbook side once {@link #start} ran. */
  OnCallViews onCall() {
    return onCall;
  }

  /** For tests: File menu, bundle windows. */
  BundleActions bundles() {
    return bundles;
  }

  /** For tests: the start-up's second stage (views, alerts, menus after the first frame). */
  FirstFrame firstFrame() {
    return firstFrame;
  }

  /** For tests: the window's parts once {@link #start} ran. */
  Parts parts() {
    return parts;
  }

  private ShellModel.StuckAnalysis stuckAnalysis(StuckViewModel window) {
    return new ShellModel.StuckAnalysis() {
      @Override
      public void analyse(TimeWindow w) {
        window.windowProperty().set(w);
        window.analyze();
        outageWindow.set(incidentOr(w));
      }

      @Override
      public void cancel() {
        window.cancel();
      }
    };
  }

  private TimeWindow incidentOr(TimeWindow analysed) {
    return parts != null && parts.shell().outage() != null ? parts.shell().outage() : analysed;
  }

  /** Switches to profile {@code name} (profile menu, profiles dialog; tests). */
  void use(String name) {
    profileSwitch.use(name);
  }

  private ActiveConnection.Bound bound() {
    return connection.bind(parts.shell().pathProperty().get());
  }

  private void applyTheme(Theme theme) {
    Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    chartTheme.set(theme == Theme.DARK ? ChartTheme.DARK : ChartTheme.LIGHT);
  }

  private static void timeQueries(
      FlowViewModel flow, StuckViewModel window, StatusViewModel status) {
    flow.lastTookProperty()
        .addListener((o, was, took) -> record(status, "flow " + flow.queryProperty().get(), took));
    window.lastTookProperty().addListener((o, was, took) -> record(status, "stuck messages", took));
  }

  private static void record(StatusViewModel status, String query, Duration took) {
    if (took != null) {
      status.recordQuery(query, took);
    }
  }

  private void shutdown(int code) {
    if (closing) {
      return;
    }
    closing = true; // hiding the stage below calls back here with 0
    stopPolling.run();
    if (watchdog != null) {
      watchdog.close();
    }
    if (parts != null) {
      parts.shell().cancel();
      parts.stage().hide();
    }
    connection.close();
    executor.shutdownNow();
    if (onCall != null) {
      onCall.close(); // the last scheduled note write still runs; GuiMain closes the store after
    }
    exit.complete(code);
  }
}
