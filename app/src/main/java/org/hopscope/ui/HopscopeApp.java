package org.hopscope.ui;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.oncall.ConnectionCheck;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.ui.chart.ChartTheme;
import org.hopscope.ui.flow.FlowView;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.metrics.MetricsView;
import org.hopscope.ui.profiles.ProfilesDialog;
import org.hopscope.ui.profiles.ProfilesViewModel;
import org.hopscope.ui.shell.ActiveConnection;
import org.hopscope.ui.shell.FirstFrame;
import org.hopscope.ui.shell.LazyView;
import org.hopscope.ui.shell.MainScreen;
import org.hopscope.ui.shell.ProfileMenu;
import org.hopscope.ui.shell.ShellModel;
import org.hopscope.ui.shell.UiPreferences;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.status.StatusBar;
import org.hopscope.ui.status.StatusViewModel;
import org.hopscope.ui.stuck.StuckViewModel;
import org.hopscope.ui.task.FxTaskRunner;

/**
 * The desktop client's composition root: builds the services and view models, hands them to the
 * views, and starts what the command line asked for. Nothing else constructs services (ADR 0010).
 * What needs the store and the playbooks is built by {@link StoreSide} after the first frame.
 */
public final class HopscopeApp {

  private final GuiOptions options;
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
  private final ObjectProperty<ChartTheme> chartTheme = new SimpleObjectProperty<>(ChartTheme.DARK);
  private boolean closing;
  private Parts parts;
  private ProfilesViewModel profiles;
  private final FirstFrame firstFrame = new FirstFrame();

  /** What is built once the store and the playbooks are read, after the first frame (ADR 0045). */
  private final StoreSide storeSide;

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
    this(
        options,
        env,
        system,
        workingDir,
        clock,
        err,
        CompletableFuture.completedFuture(incidents),
        CompletableFuture.completedFuture(playbookCatalog));
  }

  /**
   * As above with the store and the playbooks still being read: the first screen does not wait for
   * them; what needs them is built once both are there (ADR 0043).
   */
  HopscopeApp(
      GuiOptions options,
      Map<String, String> env,
      Properties system,
      Path workingDir,
      Clock clock,
      PrintWriter err,
      CompletableFuture<IncidentDesk> incidents,
      CompletableFuture<PlaybookCatalog> playbookCatalog) {
    this.options = options;
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
    this.storeSide =
        new StoreSide(
            options,
            incidents,
            playbookCatalog,
            queries,
            home,
            configDir,
            preferences,
            connection,
            runner,
            clock,
            chartTheme,
            err,
            this::shutdown,
            () -> closing,
            this::profiles);
  }

  /**
   * Builds and shows the window on {@code stage}; the future completes with the exit code. The lean
   * first screen (search bar, path, status) is shown first; the views, the alerts, the menus and
   * what the command line asked for are built after its first frame (ADR 0038).
   */
  CompletableFuture<Integer> start(Stage stage) {
    WindowModels models = new WindowModels(connection, runner, clock, preferences);
    ShellModel shell = models.shell;
    FlowViewModel flow = models.flow;
    StuckViewModel window = models.window;
    StatusViewModel status = models.status;

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
              FlowView v = new FlowView(flow, models.selection);
              v.addAction(storeSide.onCall().flowEvidenceButton(flow));
              v.addAction(models.compare.button());
              return v;
            });
    LazyView<MetricsView> metricsView =
        new LazyView<>(
            () -> {
              MetricsView v = new MetricsView(models.metrics, runner);
              v.evidenceTarget(storeSide.onCall().chartEvidence());
              v.themeProperty().bind(chartTheme);
              return v;
            });
    StatusBar statusBar = new StatusBar(status);
    ProfileMenu profileMenu =
        new ProfileMenu(
            connection.store(),
            status.profileNameProperty(),
            this::use,
            () -> {
              org.hopscope.oncall.Connector.Opened c = connection.current();
              if (c != null) {
                profiles().select(c.profile());
              }
              new ProfilesDialog(profiles(), stage, this::use).show();
            });
    shell.viewProperty().set(View.parse(options.mainView()));
    MainScreen main = new MainScreen(shell, profileMenu, statusBar, ZoneId.systemDefault());
    parts = new Parts(stage, shell, flow, flowView, window, metricsView, status, models.compare);

    MainWindow.followTheme(shell, options, chartTheme);
    models.connect();
    connection.opening(); // the profile opens after the first frame; queries wait for it
    String starting = options.profile != null ? options.profile : preferences.profile();
    if (starting != null) {
      status.profileNameProperty().set(starting + " (connecting…)");
    }
    MainWindow.setUp(stage, main, options, () -> shutdown(0));
    if (options.outage != null) {
      models.outage(SandboxOutage.read(options.outage));
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
    storeSide.after(firstFrame, models, parts, main, statusBar);
    return exit;
  }

  /**
   * The profiles dialog's model, built when first asked for: it probes the OS keychain (D-Bus) off
   * the FX thread, which need not compete with the first frame (ADR 0045).
   */
  private ProfilesViewModel profiles() {
    if (profiles == null) {
      profiles =
          new ProfilesViewModel(
              connection.store(), (p, c) -> connectionCheck.check(p, c), runner, keychain, env);
    }
    return profiles;
  }

  /** For tests: the incidents and playbook side once {@link #start} ran. */
  OnCallViews onCall() {
    return storeSide.onCall();
  }

  /** For tests: File menu, bundle windows. */
  BundleActions bundles() {
    return storeSide.bundles();
  }

  /** For tests: the start-up's second stage (views, alerts, menus after the first frame). */
  FirstFrame firstFrame() {
    return firstFrame;
  }

  /** For tests: the window's parts once {@link #start} ran. */
  Parts parts() {
    return parts;
  }

  /** Switches to profile {@code name} (profile menu, profiles dialog; tests). */
  void use(String name) {
    storeSide.use(name);
  }

  private void shutdown(int code) {
    if (closing) {
      return;
    }
    closing = true; // hiding the stage below calls back here with 0
    storeSide.closeSecondStage();
    if (parts != null) {
      parts.shell().cancel();
      parts.stage().hide();
    }
    connection.close();
    executor.shutdownNow();
    storeSide.closeOnCall(); // the last scheduled note write still runs; GuiMain closes the store
    exit.complete(code);
  }
}
