package org.hopscope.ui;

import java.io.PrintWriter;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.hopscope.oncall.AsyncThreads;
import org.hopscope.oncall.DiagnosticsLog;
import org.hopscope.oncall.IncidentDesk;
import org.hopscope.oncall.PlaybookCatalog;
import org.hopscope.oncall.Playbooks;
import picocli.CommandLine;

/**
 * Starts the desktop client: {@code ./hopscope gui [--profile P] [--screenshot FILE ...]}. Exit
 * codes: 0 closed normally (or screenshot written), 1 the screenshot's data never arrived, 2 bad
 * options or no display.
 *
 * <p>{@link #main} is the client's one place that touches the process's standard streams: what the
 * client prints for its user ({@code --help}, {@code --version}, screenshot and start-up probe
 * results, why it cannot start) goes to the writers it hands on. Diagnostics go to the log in the
 * data folder ({@link DiagnosticsLog}), with {@code --debug} also to stderr.
 */
public final class GuiMain {

  private static final Logger LOG = System.getLogger(GuiMain.class.getName());

  private GuiMain() {}

  public static void main(String[] args) {
    AsyncThreads.reuse();
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, out, err));
  }

  static int run(String[] args, PrintWriter out, PrintWriter err) {
    // JavaFX starts while the options are parsed and the store is opened (start-up time, issue 6)
    CompletableFuture<Void> toolkit =
        hasDisplay() && !asksForText(args)
            ? CompletableFuture.runAsync(GuiMain::startToolkit)
            : CompletableFuture.completedFuture(null);
    return run(args, toolkit, out, err); // main's System.exit ends a toolkit still starting, too
  }

  private static void startToolkit() {
    SoftwareRendering rendering =
        SoftwareRendering.decide(
            System.getProperty("os.name", ""),
            System.getenv(),
            System.getProperties(),
            Path.of("/dev"));
    rendering.apply(System.getProperties());
    if (rendering.software()) {
      LOG.log(Level.DEBUG, rendering.reason());
    }
    Platform.setImplicitExit(false);
    Platform.startup(() -> {});
  }

  /** {@code --help}/{@code --version}: print and exit, no window. */
  private static boolean asksForText(String[] args) {
    return Arrays.stream(args).anyMatch(a -> a.matches("-h|--help|-V|--version"));
  }

  private static int run(
      String[] args, CompletableFuture<Void> toolkit, PrintWriter out, PrintWriter err) {
    GuiOptions options = new GuiOptions();
    CommandLine cli = new CommandLine(options);
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      err.println("hopscope gui: " + e.getMessage());
      err.println("Try ./hopscope gui --help");
      return 2;
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(out);
      return 0;
    }
    if (cli.isVersionHelpRequested()) {
      out.println("hopscope " + version());
      return 0;
    }
    String problem = options.problem();
    if (problem != null) {
      err.println("hopscope gui: " + problem);
      return 2;
    }
    if (options.positionalLink != null) {
      options.link = options.positionalLink; // the desktop entry's URL handler: Exec=... %u
    }
    if (!hasDisplay()) {
      err.println(
          "hopscope gui: no display (DISPLAY is not set). Run it in a desktop session,"
              + " or headless with: xvfb-run -a ./hopscope gui ...");
      return 2;
    }
    Path data = DiagnosticsLog.dataFolder(System.getenv(), System.getProperties());
    try (DiagnosticsLog file = DiagnosticsLog.toFolder(data, "hopscope gui " + version());
        DiagnosticsLog echo = options.debug ? DiagnosticsLog.echoTo(err) : null) {
      Thread.setDefaultUncaughtExceptionHandler(
          (thread, e) -> {
            LOG.log(Level.ERROR, "uncaught on thread " + thread.getName(), e);
            err.println(
                "hopscope gui: unexpected error: "
                    + e
                    + " (details in "
                    + DiagnosticsLog.file(data)
                    + ")");
          });
      return show(options, toolkit, out, err);
    }
  }

  /** Opens the window; returns the exit code once it is closed. */
  private static int show(
      GuiOptions options, CompletableFuture<Void> toolkit, PrintWriter out, PrintWriter err) {
    // the local store (integrity check) and the playbooks are read off the FX thread once the
    // first frame is drawn: on two cores they would compete with it (ADR 0045)
    CompletableFuture<Void> drawn = new CompletableFuture<>();
    CompletableFuture<IncidentDesk> store = drawn.thenApplyAsync(v -> openIncidents(err));
    CompletableFuture<PlaybookCatalog> playbooks = drawn.thenApplyAsync(v -> playbooks(err));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    try {
      toolkit.join();
    } catch (java.util.concurrent.CompletionException e) {
      LOG.log(Level.ERROR, "JavaFX cannot start", e.getCause());
      err.println(
          "hopscope gui: JavaFX cannot start ("
              + e.getCause().getMessage()
              + "). Check DISPLAY and the GTK 3 / OpenGL libraries (Debian: apt-get install"
              + " libgtk-3-0 libgl1 libxtst6).");
      return 2;
    }
    // the first screen does not wait for them: what needs them is built once they are (ADR 0043)
    Platform.runLater(
        () -> {
          try {
            HopscopeApp app =
                new HopscopeApp(
                    options,
                    System.getenv(),
                    System.getProperties(),
                    Path.of("").toAbsolutePath(),
                    Clock.systemDefaultZone(),
                    err,
                    store,
                    playbooks);
            Stage stage = new Stage();
            app.start(stage)
                .whenComplete((code, failure) -> exit.complete(code == null ? 1 : code));
            app.firstFrame().then(() -> drawn.complete(null));
            if (options.startupProbeSeconds != null) {
              new StartupProbe(stage, options.startupProbeSeconds, out, exit::complete).arm();
            }
          } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "the window cannot be built", e);
            err.println("hopscope gui: " + e.getMessage());
            exit.complete(1);
          }
        });
    try {
      int code = exit.get();
      Platform.exit();
      drawn.cancel(false); // closed before the first frame: the store was never opened
      IncidentDesk incidents = store.handle((desk, never) -> desk).join();
      if (incidents != null) {
        incidents.close();
      }
      return code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } catch (ExecutionException e) {
      LOG.log(Level.ERROR, "the client failed", e.getCause());
      err.println("hopscope gui: " + e.getCause());
      return 1;
    }
  }

  /** The local incident store; null (and why, on stderr) when it cannot be opened. */
  private static IncidentDesk openIncidents(PrintWriter err) {
    try {
      IncidentDesk desk =
          IncidentDesk.open(
              IncidentDesk.defaultFile(System.getenv(), System.getProperties()),
              Clock.systemUTC(),
              IncidentDesk.user(System.getProperties()));
      desk.warnings().forEach(w -> err.println("hopscope: " + w));
      desk.warnings().forEach(w -> LOG.log(Level.WARNING, w));
      return desk;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "incidents are unavailable", e);
      err.println("hopscope: incidents are unavailable: " + e.getMessage());
      return null;
    }
  }

  /** The valid playbooks of {@code $hopscope.home/playbooks}; problems of the others on stderr. */
  private static PlaybookCatalog playbooks(PrintWriter err) {
    String home = System.getProperty("hopscope.home", ".");
    PlaybookCatalog catalog = new Playbooks(Path.of(home, "playbooks")).list(null);
    catalog.problems().forEach(p -> err.println("hopscope: playbook problem: " + p));
    catalog.problems().forEach(p -> LOG.log(Level.WARNING, () -> "playbook problem: " + p));
    return catalog;
  }

  /** The jar's Implementation-Version (the POM's version). */
  private static String version() {
    String version = GuiMain.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }

  private static boolean hasDisplay() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("win") || os.contains("mac")) {
      return true;
    }
    return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
  }
}
