package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.Flow;
import org.hopscope.model.HopFlow;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.sandbox.seed.Manifest;
import org.hopscope.ui.flow.FlowViewModel;
import org.hopscope.ui.flow.PathDiagram;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.status.SourceHealth;
import org.hopscope.ui.status.StatusViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * What the shell shows after a profile switch (nothing of the old profile as if it were the new
 * one's) and where the keyboard focus goes after Ctrl+1..5; the whole client over the sandbox.
 */
@ExtendWith(SandboxExtension.class)
class ShellStatesSandboxTest {

  /** Nothing listens there: every request is refused. */
  private static final URI DEAD = URI.create("http://127.0.0.1:9");

  @TempDir Path config;
  private final FxRobot robot = new FxRobot();
  private final StringWriter errors = new StringWriter();
  private TestSandbox sandbox;
  private Manifest manifest;
  private HopscopeApp app;
  private org.hopscope.store.IncidentDatabase database;

  @BeforeEach
  void profiles(TestSandbox sandbox) {
    this.sandbox = sandbox;
    manifest = Manifest.read(sandbox.manifest());
    database =
        org.hopscope.store.IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC());
    ProfileStore store = new ProfileStore(new ConfigDirs(config));
    store.save(UiSandbox.profile(sandbox));
    store.save(new ConnectionProfile("dead", Endpoint.of(DEAD), Endpoint.of(DEAD), null));
  }

  @AfterEach
  void close() {
    FxHarness.runFx(() -> app.parts().stage().hide());
    database.close();
  }

  private void start(String profile) {
    GuiOptions options = new GuiOptions();
    options.profile = profile;
    options.outage = sandbox.manifest();
    Stage stage = FxHarness.stage();
    app =
        UiSandbox.app(
            options, config, new PrintWriter(errors, true), database, UiSandbox.shippedPlaybooks());
    FxHarness.onFx(() -> app.start(stage));
    FxHarness.waitUntil(
        "profile " + profile + " is connected",
        () -> app.parts().shell().pathProperty().get() != null);
  }

  private String stuckId() {
    return manifest.classes().get("STUCK").messages().get(0).id();
  }

  private FlowViewModel.State searched(String id) {
    FlowViewModel flow = app.parts().flow();
    FxHarness.waitUntil(
        "the search for " + id + " ends",
        () ->
            flow.stateProperty().get() != FlowViewModel.State.SEARCHING
                && id.equals(flow.queryProperty().get()));
    return FxHarness.onFx(() -> flow.stateProperty().get());
  }

  @Test
  void afterSwitchingFromADeadProfileToALiveOneTheFailureIsGoneAndTheMessageIsFound() {
    start("dead");
    FxHarness.runFx(() -> app.parts().shell().openFlow(stuckId()));
    assertThat(searched(stuckId())).isEqualTo(FlowViewModel.State.FAILED);
    assertThat(bannerText()).startsWith("Search failed: ");
    assertThat(FxHarness.onFx(() -> scene().lookup("#flow-empty").isVisible())).isTrue();
    assertThat(FxHarness.onFx(() -> scene().lookup("#banner-retry").isVisible())).isTrue();

    FxHarness.runFx(() -> app.use("test"));
    FxHarness.waitUntil(
        "the message is found on the live profile",
        () -> app.parts().flow().stateProperty().get() == FlowViewModel.State.DONE);
    assertThat(bannerText()).doesNotContain("Search failed").doesNotContain("127.0.0.1:9");
    assertThat(FxHarness.onFx(() -> scene().lookup("#flow-empty").isVisible())).isFalse();
    assertThat(FxHarness.onFx(() -> scene().lookup("#banner-retry").isVisible())).isFalse();
    assertThat(FxHarness.onFx(() -> app.parts().flow().flowProperty().get().ids()))
        .contains(stuckId());
  }

  @Test
  void afterSwitchingFromALiveProfileToADeadOneTheStatusNeverShowsTheOldHealth() {
    start("test");
    StatusViewModel status = app.parts().status();
    FxHarness.waitUntil(
        "the live profile answers",
        () -> {
          SourceHealth.Level l = status.elasticsearchProperty().get().level();
          return l == SourceHealth.Level.HEALTHY || l == SourceHealth.Level.DEGRADED;
        });
    SourceHealth live = FxHarness.onFx(() -> status.elasticsearchProperty().get());
    List<SourceHealth> after = new ArrayList<>();
    FxHarness.runFx(
        () -> {
          status.refresh(); // an answer of the live profile is on its way while we switch
          app.use("dead");
          after.add(status.elasticsearchProperty().get());
          status.elasticsearchProperty().addListener((o, was, now) -> after.add(now));
        });
    assertThat(after.get(0).text()).isEqualTo(StatusViewModel.CHECKING);
    assertThat(after.get(0).level()).isEqualTo(SourceHealth.Level.UNKNOWN);
    FxHarness.waitUntil(
        "the dead profile's health is known",
        () -> status.elasticsearchProperty().get().level() != SourceHealth.Level.UNKNOWN);
    assertThat(FxHarness.onFx(() -> status.elasticsearchProperty().get().level()))
        .isEqualTo(SourceHealth.Level.DOWN);
    assertThat(FxHarness.onFx(() -> List.copyOf(after)))
        .extracting(SourceHealth::level)
        .containsOnly(SourceHealth.Level.UNKNOWN, SourceHealth.Level.DOWN);
    assertThat(FxHarness.onFx(() -> List.copyOf(after)))
        .extracting(SourceHealth::text)
        .doesNotContain(live.text());
    Label shown = robot.lookup("#status-es").queryAs(Label.class);
    assertThat(FxHarness.onFx(shown::getText))
        .isEqualTo(FxHarness.onFx(() -> status.elasticsearchProperty().get().text()));
  }

  @Test
  void ctrlDigitMovesTheFocusToTheViewSoTheArrowKeysMoveTheSelectedHop() {
    start("test");
    robot.clickOn("#search-field").write(stuckId()).type(KeyCode.ENTER);
    assertThat(searched(stuckId())).isEqualTo(FlowViewModel.State.DONE);
    TextField field = robot.lookup("#search-field").queryAs(TextField.class);
    assertThat(FxHarness.onFx(() -> scene().getFocusOwner())).isSameAs(field);
    String typed = FxHarness.onFx(() -> field.getText());
    List<String> hops =
        FxHarness.onFx(() -> app.parts().flow().flowProperty().get()).hops().stream()
            .map(HopFlow::hop)
            .toList();

    robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
    assertThat(FxHarness.onFx(() -> scene().getFocusOwner().getId())).isEqualTo("flow-diagram");
    robot.type(KeyCode.RIGHT);
    assertThat(selectedHops()).containsExactly(hops.get(0));
    robot.type(KeyCode.RIGHT);
    assertThat(selectedHops()).containsExactly(hops.get(1));
    robot.type(KeyCode.LEFT);
    assertThat(selectedHops()).containsExactly(hops.get(0));
    assertThat(FxHarness.onFx(() -> field.getText())).isEqualTo(typed);

    robot.clickOn("#search-field");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    assertThat(FxHarness.onFx(() -> app.parts().shell().viewProperty().get()))
        .isEqualTo(View.METRICS);
    assertThat(FxHarness.onFx(() -> scene().getFocusOwner().getId())).isEqualTo("flow-diagram");
    robot.type(KeyCode.RIGHT);
    assertThat(selectedHops()).containsExactly(hops.get(1));

    robot.clickOn("#search-field");
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    assertThat(FxHarness.onFx(() -> scene().getFocusOwner())).isNotSameAs(field);
  }

  private javafx.scene.Scene scene() {
    return app.parts().stage().getScene();
  }

  private List<String> selectedHops() {
    PseudoClass selected = PseudoClass.getPseudoClass("selected");
    Flow f = FxHarness.onFx(() -> app.parts().flow().flowProperty().get());
    return FxHarness.onFx(
        () ->
            f.hops().stream()
                .map(HopFlow::hop)
                .filter(
                    h -> {
                      Node card = scene().lookup("#" + PathDiagram.nodeId(h));
                      return card.getPseudoClassStates().contains(selected);
                    })
                .toList());
  }

  private String bannerText() {
    return FxHarness.onFx(
        () -> {
          Node banner = scene().lookup("#banner");
          if (!banner.isVisible()) {
            return "";
          }
          return String.join(
              "\n",
              banner.lookupAll(".banner-line").stream().map(n -> ((Label) n).getText()).toList());
        });
  }
}
