package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.model.Flow;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.incident.Evidence;
import org.hopscope.model.incident.EvidenceSummary;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.store.IncidentDatabase;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.shell.Theme;
import org.hopscope.ui.shell.View;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Evidence as an engineer keeps it: inside an incident, a STUCK message's flow and a hop chart are
 * saved from the flow and metrics views; the incident lists exactly those; they still open when the
 * app is restarted on a profile whose backends are unreachable.
 */
@ExtendWith(SandboxExtension.class)
class EvidenceSandboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path config;
  private final FxRobot robot = new FxRobot();
  private final StringWriter errors = new StringWriter();
  private IncidentDatabase database;
  private HopscopeApp app;

  @AfterEach
  void close() {
    if (app != null) {
      FxHarness.runFx(() -> app.parts().stage().hide());
    }
    if (database != null) {
      database.close();
    }
  }

  @Fault(Fault.Area.BACKENDS)
  @Test
  void flowAndChartEvidenceIsKeptAndOpensWithNoBackend(TestSandbox sandbox) throws Exception {
    database = IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC());
    ConnectionProfile p = UiSandbox.profile(sandbox);
    ProfileStore profiles = new ProfileStore(new ConfigDirs(config));
    profiles.save(new ConnectionProfile("test", p.elasticsearch(), p.prometheus(), null));
    Manifest manifest = Manifest.read(sandbox.manifest());
    app = start("test", sandbox.manifest());

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    robot.clickOn("#incident-new");
    robot.clickOn("#incident-new-title").write("orders stuck at fulfilment");
    robot.clickOn("#incident-new-open");
    var incidents = app.onCall().incidents();
    FxHarness.waitUntil("the incident is open", () -> incidents.currentProperty().get() != null);
    long incident = FxHarness.onFx(() -> incidents.currentProperty().get().id());

    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
    robot.clickOn("#search-field").write(stuck.id()).type(KeyCode.ENTER);
    FlowViewModel flow = app.parts().flow();
    FxHarness.waitUntil(
        "the flow is shown",
        () ->
            flow.stateProperty().get() == FlowViewModel.State.DONE
                && app.parts().flowView().get().drawnProperty().get());
    Flow found = FxHarness.onFx(() -> flow.flowProperty().get());
    int events = found.hops().stream().mapToInt(h -> h.events().size()).sum();
    robot.clickOn("#flow-save-evidence");
    FxHarness.waitUntil("the flow is kept", () -> database.evidence().list(incident).size() == 1);
    javafx.scene.control.Label done =
        robot.lookup("#flow-evidence-status").queryAs(javafx.scene.control.Label.class);
    // the row is written off the FX thread before the label hears of it
    FxHarness.waitUntil(
        "the save is reported", () -> !FxHarness.onFx(done::getText).startsWith("Saving flow "));
    assertThat(FxHarness.onFx(done::getText))
        .isEqualTo("Saved flow " + stuck.id() + " on incident #" + incident);
    FxHarness.snapshot(
        app.parts().flowView().get(), Path.of("target/screenshots/evidence-flow-button-dark.png"));

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    FxHarness.waitUntil(
        "the charts are drawn",
        () ->
            app.parts().shell().viewProperty().get() == View.METRICS
                && !app.parts().metricsView().get().charts().isEmpty()
                && app.parts().metricsView().get().readyProperty().get());
    FxHarness.snapshot(
        app.parts().metricsView().get(), Path.of("target/screenshots/evidence-metrics-dark.png"));
    robot.clickOn("#metrics-evidence-0");
    FxHarness.waitUntil(
        "the chart and its series are kept", () -> database.evidence().list(incident).size() == 3);

    List<EvidenceSummary> kept = database.evidence().list(incident);
    assertThat(kept)
        .extracting(EvidenceSummary::kind)
        .containsExactly(
            Evidence.Kind.FLOW_JSON, Evidence.Kind.CHART_PNG, Evidence.Kind.METRIC_SERIES);
    assertThat(kept.get(0).title()).isEqualTo("flow " + stuck.id());
    JsonNode saved = JSON.readTree(database.evidence().load(kept.get(0).id()).get().content());
    int savedEvents = 0;
    for (JsonNode hop : saved.path("hops")) {
      savedEvents += hop.path("events").size();
    }
    assertThat(savedEvents).isEqualTo(events);
    assertThat(saved.path("verdict").asText()).isEqualTo("STUCK");
    BufferedImage png =
        ImageIO.read(
            new ByteArrayInputStream(database.evidence().load(kept.get(1).id()).get().content()));
    assertThat(png.getWidth()).isEqualTo(1600);
    assertThat(png.getHeight()).isEqualTo(900);

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    robot.clickOn("Evidence (3)");
    TableView<?> list = robot.lookup("#incident-evidence").queryAs(TableView.class);
    assertThat(FxHarness.onFx(() -> list.getItems().size())).isEqualTo(3);
    robot.clickOn(row(1));
    ImageView image = robot.lookup("#evidence-image").queryAs(ImageView.class);
    FxHarness.waitUntil("the chart shows", () -> image.getImage() != null);
    assertThat(FxHarness.onFx(() -> image.getImage().getWidth())).isEqualTo(1600);
    Node detail = robot.lookup("#incidents-view").query();
    FxHarness.snapshot(detail, Path.of("target/screenshots/evidence-chart-dark.png"));
    robot.clickOn(row(0));
    TextArea text = robot.lookup("#evidence-text").queryAs(TextArea.class);
    FxHarness.waitUntil("the flow's JSON shows", () -> text.isVisible());
    FxHarness.snapshot(detail, Path.of("target/screenshots/evidence-flow-dark.png"));
    FxHarness.runFx(() -> app.parts().shell().toggleTheme());
    assertThat(FxHarness.onFx(() -> app.parts().shell().themeProperty().get()))
        .isEqualTo(Theme.LIGHT);
    FxHarness.snapshot(detail, Path.of("target/screenshots/evidence-flow-light.png"));
    FxHarness.runFx(() -> app.parts().shell().toggleTheme());

    FxHarness.runFx(() -> app.parts().stage().hide());
    Endpoint dead = Endpoint.of(URI.create("http://127.0.0.1:9"));
    profiles.save(new ConnectionProfile("dead", dead, dead, null));
    app = start("dead", null);
    HopscopeApp offline = app;
    FxHarness.runFx(() -> offline.onCall().incidents().select(incident));
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
    robot.clickOn("Evidence (3)");
    robot.clickOn(row(0));
    TextArea offlineText = robot.lookup("#evidence-text").queryAs(TextArea.class);
    FxHarness.waitUntil(
        "the flow opens with no backend",
        () -> offlineText.isVisible() && offlineText.getText().contains(stuck.id()));
    String shownText = FxHarness.onFx(offlineText::getText);
    assertThat(JSON.readTree(shownText)).isEqualTo(saved);
    robot.clickOn(row(1));
    ImageView offlineImage = robot.lookup("#evidence-image").queryAs(ImageView.class);
    FxHarness.waitUntil("the chart opens", () -> offlineImage.getImage() != null);
    assertThat(FxHarness.onFx(() -> offlineImage.getImage().getHeight())).isEqualTo(900);

    robot.clickOn("#incident-timeline-tab .tab-label");
    Node flowEntry =
        robot
            .lookup("#incident-timeline .table-row-cell")
            .match(
                n ->
                    n instanceof javafx.scene.control.TableRow<?> r
                        && r.getItem() instanceof org.hopscope.model.incident.TimelineEntry e
                        && e.summary().equals("evidence saved: flow " + stuck.id()))
            .query();
    robot.doubleClickOn(flowEntry);
    TableView<?> offlineList = robot.lookup("#incident-evidence").queryAs(TableView.class);
    FxHarness.waitUntil(
        "the timeline's evidence entry opens its snapshot",
        () ->
            offlineList.getSelectionModel().getSelectedIndex() == 0
                && offlineText.isVisible()
                && offlineList.getScene() != null);
  }

  /** The evidence list's row showing item {@code index}. */
  private Node row(int index) {
    return robot
        .lookup("#incident-evidence .table-row-cell")
        .match(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == index)
        .query();
  }

  private HopscopeApp start(String profile, Path incidentManifest) {
    GuiOptions options = new GuiOptions();
    options.profile = profile;
    options.outage = incidentManifest;
    options.view = "flow";
    HopscopeApp started =
        UiSandbox.app(
            options, config, new PrintWriter(errors, true), database, UiSandbox.shippedPlaybooks());
    Stage stage = FxHarness.stage();
    FxHarness.onFx(() -> started.start(stage));
    FxHarness.waitUntil(
        "the window is built and the profile tried",
        () ->
            FxHarness.onFx(
                () ->
                    started.firstFrame().done()
                        && started.parts().status().profileNameProperty().get() != null));
    return started;
  }
}
