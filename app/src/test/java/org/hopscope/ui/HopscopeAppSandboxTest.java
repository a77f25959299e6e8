package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.HopVerdict;
import org.hopscope.model.StuckMessage;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.shell.Theme;
import org.hopscope.ui.shell.UiPreferences;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.stuck.StuckViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/** The whole desktop client, as `./hopscope gui` builds it, in a real window over the sandbox. */
@ExtendWith(SandboxExtension.class)
class HopscopeAppSandboxTest {

  @TempDir Path config;
  private final FxRobot robot = new FxRobot();
  private final StringWriter errors = new StringWriter();
  private HopscopeApp app;
  private CompletableFuture<Integer> exit;
  private TestSandbox sandbox;
  private Manifest manifest;
  private org.hopscope.store.IncidentDatabase database;

  @BeforeEach
  void open(TestSandbox sandbox) {
    this.sandbox = sandbox;
    this.manifest = Manifest.read(sandbox.manifest());
    this.database =
        org.hopscope.store.IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC());
    ConnectionProfile p = UiSandbox.profile(sandbox);
    new ProfileStore(new ConfigDirs(config))
        .save(new ConnectionProfile("test", p.elasticsearch(), p.prometheus(), null));
    GuiOptions options = options();
    Stage stage = FxHarness.stage();
    app = newApp(options);
    exit = FxHarness.onFx(() -> app.start(stage));
    FxHarness.waitUntil(
        "the profile is connected and its paths are listed",
        () -> app.parts().shell().pathProperty().get() != null);
  }

  @AfterEach
  void close() {
    FxHarness.runFx(() -> app.parts().stage().hide());
    database.close();
  }

  private GuiOptions options() {
    GuiOptions options = new GuiOptions();
    options.profile = "test";
    options.outage = sandbox.manifest();
    options.view = "flow";
    return options;
  }

  private HopscopeApp newApp(GuiOptions options) {
    return UiSandbox.app(
        options, config, new PrintWriter(errors, true), database, UiSandbox.shippedPlaybooks());
  }

  @Test
  void viewsNotShownAtStartAreBuiltWhenFirstShown() {
    assertThat(FxHarness.onFx(() -> app.parts().stage().getIcons().size()))
        .as("the window icon in its six sizes")
        .isEqualTo(6);
    assertThat(FxHarness.onFx(() -> app.parts().flowView().isBuilt())).isTrue();
    assertThat(FxHarness.onFx(() -> app.parts().metricsView().isBuilt())).isFalse();
    assertThat(robot.lookup("#incident-list").tryQuery()).isEmpty();
    robot.clickOn("#nav-metrics");
    FxHarness.waitUntil(
        "the hop metrics view is built and shown",
        () ->
            app.parts().metricsView().isBuilt()
                && app.parts().metricsView().get().getScene() != null
                && app.parts().metricsView().get().isVisible());
    assertThat(FxHarness.onFx(() -> app.parts().flowView().get().isVisible())).isFalse();
    robot.clickOn("#nav-incidents");
    FxHarness.waitUntil(
        "the incidents view is built", () -> robot.lookup("#incident-list").tryQuery().isPresent());
  }

  @Test
  void searchingAStuckMessageShowsItStuckAtTheManifestsHopWithAllItsEvents() {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    robot.clickOn("#search-field").write(stuck.id()).type(KeyCode.ENTER);
    FlowViewModel flow = app.parts().flow();
    FxHarness.waitUntil(
        "the flow is found", () -> flow.stateProperty().get() == FlowViewModel.State.DONE);
    Flow found = FxHarness.onFx(() -> flow.flowProperty().get());
    assertThat(found.verdict()).isEqualTo(HopVerdict.STUCK);
    assertThat(found.stuckAt()).isEqualTo(stuck.hop());
    Label verdict =
        robot.lookup("#" + PathDiagram.nodeId(stuck.hop()) + "-verdict").queryAs(Label.class);
    assertThat(FxHarness.onFx(verdict::getText)).isEqualTo("STUCK");
    int events = found.hops().stream().mapToInt(h -> h.events().size()).sum();
    TableView<?> table = robot.lookup("#flow-events-table").queryAs(TableView.class);
    FxHarness.waitUntil("the table holds the events", () -> table.getItems().size() == events);
    assertThat(FxHarness.onFx(() -> app.parts().shell().historyProperty().get().entries()))
        .containsExactly(stuck.id());
    assertThat(UiPreferences.load(config.resolve("ui.properties")).history().entries())
        .containsExactly(stuck.id());
  }

  @Test
  void theStuckViewListsTheIncidentsMessagesAndADoubleClickOpensOneFlow() {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    assertThat(FxHarness.onFx(() -> app.parts().shell().viewProperty().get()))
        .isEqualTo(View.STUCK);
    robot.clickOn("#stuck-analyse");
    StuckViewModel window = app.parts().window();
    FxHarness.waitUntil(
        "the analysis is done", () -> window.stateProperty().get() == StuckViewModel.State.DONE);
    long expected =
        manifest.incidentWindow().hops().values().stream()
            .mapToLong(h -> h.stuck() + h.failed() + h.deadLettered())
            .sum();
    assertThat(FxHarness.onFx(() -> (long) window.messages().size())).isEqualTo(expected);
    assertThat(FxHarness.onFx(() -> window.analysedWindowProperty().get()))
        .isEqualTo(app.parts().shell().outage());

    TableView<?> table = robot.lookup("#stuck-stuck-table").queryAs(TableView.class);
    StuckMessage first = (StuckMessage) FxHarness.onFx(() -> table.getItems().get(0));
    Node row = robot.lookup("#stuck-stuck-table .table-row-cell").nth(0).query();
    robot.doubleClickOn(row);
    FlowViewModel flow = app.parts().flow();
    FxHarness.waitUntil(
        "the flow opens", () -> flow.stateProperty().get() == FlowViewModel.State.DONE);
    assertThat(FxHarness.onFx(() -> app.parts().shell().viewProperty().get())).isEqualTo(View.FLOW);
    Flow opened = FxHarness.onFx(() -> flow.flowProperty().get());
    assertThat(opened.ids()).contains(first.id());
    HopFlow atHop =
        opened.hops().stream().filter(h -> h.hop().equals(first.hop())).findFirst().orElseThrow();
    assertThat(atHop.verdict()).isEqualTo(first.verdict());
  }

  @org.hopscope.faults.Fault(org.hopscope.faults.Fault.Area.WAITS)
  @Test
  void escCancelsARunningAnalysisAndTheWindowStaysUsable() {
    StuckViewModel window = app.parts().window();
    FxHarness.runFx(
        () -> {
          app.parts().shell().analyseWindow();
          assertThat(window.stateProperty().get()).isEqualTo(StuckViewModel.State.ANALYSING);
          Node root = app.parts().stage().getScene().getRoot();
          Event.fireEvent(
              root,
              new KeyEvent(
                  KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false));
        });
    assertThat(FxHarness.onFx(() -> window.stateProperty().get()))
        .isEqualTo(StuckViewModel.State.CANCELLED);
    robot.clickOn("#stuck-analyse");
    FxHarness.waitUntil(
        "the analysis runs again to the end",
        () -> window.stateProperty().get() == StuckViewModel.State.DONE);
  }

  @Test
  void theThemeToggleSwitchesAndIsRemembered() {
    assertThat(FxHarness.onFx(() -> app.parts().shell().themeProperty().get()))
        .isEqualTo(Theme.DARK);
    robot.clickOn("#theme-toggle");
    assertThat(FxHarness.onFx(() -> javafx.application.Application.getUserAgentStylesheet()))
        .isEqualTo(Theme.LIGHT.userAgentStylesheet());
    assertThat(UiPreferences.load(config.resolve("ui.properties")).theme()).isEqualTo(Theme.LIGHT);
    robot.clickOn("#theme-toggle");
    assertThat(UiPreferences.load(config.resolve("ui.properties")).theme()).isEqualTo(Theme.DARK);
  }

  @Test
  void screenshotModeWritesTheViewOnceItHasItsDataAndFailsNamingWhy() throws Exception {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    Path png = config.resolve("shots/metrics.png");
    GuiOptions shot = options();
    shot.view = "metrics";
    shot.id = stuck.id();
    shot.screenshot = png;
    shot.size = "1280x800";
    HopscopeApp second = newApp(shot);
    int code =
        FxHarness.onFx(() -> second.start(new Stage()))
            .get(FxHarness.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(code).as(errors.toString()).isZero();
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1280);
    assertThat(image.getHeight()).isEqualTo(800);

    GuiOptions missing = options();
    missing.id = "ord-does-not-exist";
    missing.screenshot = config.resolve("shots/none.png");
    HopscopeApp third = newApp(missing);
    int failed =
        FxHarness.onFx(() -> third.start(new Stage()))
            .get(FxHarness.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    assertThat(failed).as(errors.toString()).isEqualTo(1);
    assertThat(errors.toString())
        .contains("no screenshot: no evidence for 'ord-does-not-exist' in the window searched");
    assertThat(Files.exists(missing.screenshot)).isFalse();
  }

  @Test
  void anAlertLinkOpensItsPlaybookWithTheWindowBound() throws Exception {
    GuiOptions linked = options();
    linked.outage = null;
    linked.link =
        "hopscope://playbook/consumer-lag?hop=fulfilment-service"
            + "&from=2026-11-26T15:00:00Z&to=2026-11-26T16:00:00Z";
    HopscopeApp second = newApp(linked);
    FxHarness.onFx(() -> second.start(new Stage()));
    FxHarness.waitUntil(
        "the link's playbook shows",
        () -> second.parts().shell().viewProperty().get() == View.PLAYBOOK);
    assertThat(FxHarness.onFx(() -> second.parts().shell().windowProperty().get().fixed()))
        .isEqualTo(
            new org.hopscope.model.TimeWindow(
                java.time.Instant.parse("2026-11-26T15:00:00Z"),
                java.time.Instant.parse("2026-11-26T16:00:00Z")));
    assertThat(errors.toString()).doesNotContain("could not be opened");

    FxHarness.waitUntil(
        "its six steps are listed",
        () ->
            second.parts().stage().getScene().lookup("#playbook-steps")
                    instanceof javafx.scene.control.ListView<?> steps
                && steps.getItems().size() == 6);
    FxHarness.runFx(() -> second.parts().stage().hide());
  }

  @Test
  void aPlaybookWalkedInsideAnIncidentIsOnItsTimelineAndInTheExport() throws Exception {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    robot.clickOn("#incident-new");
    robot.clickOn("#incident-new-title").write("orders stuck at fulfilment");
    robot.clickOn("#incident-new-open");
    var incidents = app.onCall().incidents();
    FxHarness.waitUntil("the incident is open", () -> incidents.currentProperty().get() != null);

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
    FxHarness.runFx(() -> app.onCall().playbooks().select("consumer-lag"));
    robot.clickOn("#playbook-start");
    robot.clickOn("#playbook-run-check");
    FxHarness.waitUntil(
        "the check is on the incident's timeline",
        () ->
            incidents.timeline().stream()
                .anyMatch(
                    e ->
                        e.kind() == org.hopscope.model.incident.TimelineEntry.Kind.CHECK
                            && e.summary().startsWith("consumer-lag/lag-growing: ")));
    robot.clickOn("#playbook-tick");
    FxHarness.waitUntil(
        "the tick is on the timeline",
        () ->
            incidents.timeline().stream()
                .anyMatch(
                    e ->
                        e.kind() == org.hopscope.model.incident.TimelineEntry.Kind.STEP_DONE
                            && e.summary().startsWith("consumer-lag/lag-growing done")));

    Path out = config.resolve("pm/postmortem.md");
    Files.createDirectories(out.getParent());
    FxHarness.runFx(() -> incidents.exportPostMortem(out));
    FxHarness.waitUntil(
        "the export is written", () -> out.equals(incidents.exportedProperty().get()));
    assertThat(Files.readString(out))
        .contains("# Post-mortem: orders stuck at fulfilment")
        .contains("consumer-lag/lag-growing: ")
        .contains("consumer-lag/lag-growing done");
  }

  @Test
  void aNoteOnTheSelectedHopIsAutosavedFromTheFlowView() {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    robot.clickOn("#search-field").write(stuck.id()).type(KeyCode.ENTER);
    FlowViewModel flow = app.parts().flow();
    FxHarness.waitUntil(
        "the flow is found", () -> flow.stateProperty().get() == FlowViewModel.State.DONE);
    robot.clickOn("#" + PathDiagram.nodeId(stuck.hop()));
    robot.clickOn("#flow-note");
    robot.clickOn("On hop " + stuck.hop());
    robot.clickOn("#note-editor").write("pool exhausted here");
    FxHarness.waitUntil(
        "the hop note is in the store",
        () ->
            database
                .notes()
                .find(0, org.hopscope.model.incident.Note.Scope.HOP, stuck.hop())
                .map(n -> n.text().equals("pool exhausted here"))
                .orElse(false));
    FxHarness.runFx(
        () ->
            List.copyOf(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w != app.parts().stage())
                .forEach(javafx.stage.Window::hide)); // the note window (it flushes on close)
  }
}
