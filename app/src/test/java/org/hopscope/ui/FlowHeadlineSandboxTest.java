package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.Flow;
import org.hopscope.oncall.FlowHeadline;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.flow.FlowViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The flow's one-line answer in the whole client at 1280x800: above the path diagram, the same
 * words as the CLI's first line, wrapped and never elided, in both themes.
 */
@ExtendWith(SandboxExtension.class)
class FlowHeadlineSandboxTest {

  /** Where the screenshots of the headline go (looked at by people, not asserted). */
  private static final Path SHOTS = Path.of("target", "screenshots", "headline");

  @TempDir Path config;
  private final FxRobot robot = new FxRobot();
  private HopscopeApp app;
  private Manifest manifest;
  private org.hopscope.store.IncidentDatabase database;

  @BeforeEach
  void open(TestSandbox sandbox) {
    manifest = Manifest.read(sandbox.manifest());
    database =
        org.hopscope.store.IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC());
    ConnectionProfile p = UiSandbox.profile(sandbox);
    new ProfileStore(new ConfigDirs(config))
        .save(new ConnectionProfile("test", p.elasticsearch(), p.prometheus(), null));
    GuiOptions options = new GuiOptions();
    options.profile = "test";
    options.outage = sandbox.manifest();
    options.view = "flow";
    Stage stage = FxHarness.stage();
    app =
        UiSandbox.app(
            options,
            config,
            new PrintWriter(new StringWriter(), true),
            database,
            UiSandbox.shippedPlaybooks());
    FxHarness.onFx(() -> app.start(stage));
    FxHarness.runFx(
        () -> {
          stage.setWidth(1280);
          stage.setHeight(800);
        });
    FxHarness.waitUntil(
        "the profile is connected and its paths are listed",
        () -> app.parts().shell().pathProperty().get() != null);
  }

  @AfterEach
  void close() {
    FxHarness.runFx(() -> app.parts().stage().hide());
    database.close();
  }

  private Flow search(String id) {
    robot.clickOn("#search-field").eraseText(80).write(id).type(KeyCode.ENTER);
    FlowViewModel flow = app.parts().flow();
    FxHarness.waitUntil(
        "the flow of " + id + " is shown",
        () ->
            flow.stateProperty().get() == FlowViewModel.State.DONE
                && flow.flowProperty().get() != null
                && flow.flowProperty().get().query().equals(id));
    return FxHarness.onFx(() -> flow.flowProperty().get());
  }

  /** The text JavaFX draws for {@code label} (elided text ends in "..."), all lines joined. */
  private static String displayed(Label label) {
    return FxHarness.onFx(
        () -> {
          label.applyCss();
          label.layout();
          Text text = (Text) label.lookup(".text");
          return text.getText().replace("\n", " ");
        });
  }

  @Test
  void aStuckMessagesAnswerStandsAboveThePathWholeInBothThemes() {
    Manifest.ClassMessage stuck = manifest.classes().get("STUCK").messages().get(0);
    Flow flow = search(stuck.id());
    FlowHeadline expected = FlowHeadline.of(flow);
    assertThat(expected.text())
        .startsWith("STUCK at " + stuck.hop() + " for ")
        .contains(" - last error: ERP adapter pool exhausted (30 active, 212 waiting)");

    Label verdict = robot.lookup("#flow-headline-verdict").queryAs(Label.class);
    Label text = robot.lookup("#flow-headline-text").queryAs(Label.class);
    FxHarness.waitUntil("the headline is laid out", () -> text.getWidth() > 0);
    assertThat(FxHarness.onFx(verdict::getText)).isEqualTo("STUCK");
    assertThat(FxHarness.onFx(text::getText)).isEqualTo(expected.detail());
    assertThat(displayed(text)).isEqualTo(expected.detail());
    assertThat(displayed(verdict)).isEqualTo("STUCK");

    Node bar = robot.lookup("#flow-headline").query();
    Node diagram = robot.lookup(".path-diagram").query();
    Bounds barBounds = FxHarness.onFx(() -> bar.localToScene(bar.getBoundsInLocal()));
    Bounds pathBounds = FxHarness.onFx(() -> diagram.localToScene(diagram.getBoundsInLocal()));
    assertThat(barBounds.getMaxY()).isLessThanOrEqualTo(pathBounds.getMinY());
    assertThat(barBounds.getMaxX()).isLessThanOrEqualTo(1280);
    FxHarness.snapshot(app.parts().stage().getScene().getRoot(), SHOTS.resolve("stuck-dark.png"));

    // the note (pen) button says what it is, and has a tooltip
    javafx.scene.control.MenuButton note =
        robot.lookup("#flow-note").queryAs(javafx.scene.control.MenuButton.class);
    assertThat(FxHarness.onFx(note::getText)).isEqualTo("Note");
    assertThat(FxHarness.onFx(() -> ((Text) note.lookup(".text")).getText())).isEqualTo("Note");
    assertThat(FxHarness.onFx(() -> note.getTooltip().getText()))
        .isEqualTo(
            "Write a note on the selected hop or on this message (kept with the open incident)");

    robot.clickOn("#theme-toggle");
    FxHarness.waitUntil(
        "the light theme is on",
        () ->
            javafx.application.Application.getUserAgentStylesheet()
                .equals(org.hopscope.ui.shell.Theme.LIGHT.userAgentStylesheet()));
    assertThat(displayed(text)).isEqualTo(expected.detail());
    FxHarness.snapshot(app.parts().stage().getScene().getRoot(), SHOTS.resolve("stuck-light.png"));
    robot.clickOn("#theme-toggle");
  }

  @Test
  void aSearchByErpNumberNamesTheMessageItFound() {
    Manifest.ReKey pair = manifest.reKeys().pairs().get(0);
    search(pair.erpDocumentNumber());
    Label text = robot.lookup("#flow-headline-text").queryAs(Label.class);
    String expected =
        "passed all 6 hops in 2 min 7 s - found by "
            + pair.erpDocumentNumber()
            + ": message "
            + pair.messageId();
    assertThat(FxHarness.onFx(text::getText)).isEqualTo(expected);
    assertThat(displayed(text)).isEqualTo(expected);
    FxHarness.snapshot(app.parts().stage().getScene().getRoot(), SHOTS.resolve("erp-dark.png"));
  }
}
