package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.model.alert.PathAlert;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.sandbox.SandboxAlertRules;
import org.hopscope.sandbox.SandboxAlertRules.Expect;
import org.hopscope.sandbox.junit.FiringAlerts;
import org.hopscope.sandbox.junit.SandboxExtension;
import org.hopscope.sandbox.junit.TestSandbox;
import org.hopscope.ui.shell.View;
import org.hopscope.ui.shell.WindowPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * The alerts badge and panel of the whole client over the sandbox, whose rules fire during its
 * recorded incident: the badge counts the firing ones, the panel lists the path's alerts (each
 * once, though Prometheus and Alertmanager both report it), and clicking one opens its playbook
 * over the alert's window. Screenshots in both themes at 1280x800 and 1920x1080.
 */
@ExtendWith(SandboxExtension.class)
class AlertsAppSandboxTest {

  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir Path config;
  private final FxRobot robot = new FxRobot();
  private final StringWriter errors = new StringWriter();

  @Test
  void thePanelListsThePathsAlertsAndARowOpensItsPlaybookOverTheAlertsWindow(TestSandbox sandbox)
      throws Exception {
    FiringAlerts.await(sandbox, Duration.ofSeconds(120));
    Endpoint es = Endpoint.of(URI.create(sandbox.state().elasticsearchUrl()));
    Endpoint prometheus = Endpoint.of(URI.create(sandbox.state().prometheusUrl()));
    Endpoint alertmanager = Endpoint.of(URI.create(sandbox.state().alertmanagerUrl()));
    new ProfileStore(new ConfigDirs(config))
        .save(new ConnectionProfile("test", es, prometheus, null, Set.of(), alertmanager));
    for (String[] look :
        List.of(
            new String[] {"dark", "1280x800"},
            new String[] {"light", "1920x1080"},
            new String[] {"light", "1280x800"},
            new String[] {"dark", "1920x1080"})) {
      showsAndOpens(look[0], look[1]);
    }
    assertThat(errors.toString()).doesNotContain("Exception");
  }

  private void showsAndOpens(String theme, String size) {
    GuiOptions options = new GuiOptions();
    options.profile = "test";
    options.view = "flow";
    options.theme = theme;
    options.size = size;
    HopscopeApp app =
        UiSandbox.app(
            options, config, new PrintWriter(errors, true), null, UiSandbox.shippedPlaybooks());
    Stage stage = FxHarness.stage();
    FxHarness.onFx(() -> app.start(stage));
    try {
      ToggleButton badge = (ToggleButton) lookup(app, "#alerts-badge");
      FxHarness.waitUntil(
          "the badge counts the firing alerts",
          () -> FxHarness.onFx(badge::getText).equals("4 firing"));
      Node panel = lookup(app, "#alerts-panel");
      assertThat(FxHarness.onFx(panel::isVisible)).isFalse();
      robot.clickOn(badge);
      FxHarness.waitUntil("the panel is shown", () -> FxHarness.onFx(panel::isVisible));
      GridPane rows = (GridPane) lookup(app, "#alerts-rows");
      List<String> ids =
          FxHarness.onFx(
              () ->
                  rows.getChildren().stream()
                      .filter(n -> n.getStyleClass().contains("alert-name"))
                      .map(Node::getId)
                      .toList());
      assertThat(ids.subList(0, 4))
          .containsExactlyInAnyOrderElementsOf(
              FiringAlerts.names(Expect.FIRING).stream().map(n -> "alert-" + n).toList());
      assertThat(ids.subList(4, 5))
          .containsExactlyElementsOf(
              FiringAlerts.names(Expect.PENDING).stream().map(n -> "alert-" + n).toList());
      assertThat(
              FxHarness.onFx(
                  () -> ((javafx.scene.control.Label) lookup(app, "#alerts-headline")).getText()))
          .isEqualTo("4 firing, 1 pending on path orders");
      assertThat(
              FxHarness.onFx(
                  () -> ((javafx.scene.control.Label) lookup(app, "#alerts-basis")).getText()))
          .endsWith(" · Prometheus + Alertmanager");
      FxHarness.snapshot(
          FxHarness.onFx(() -> stage.getScene().getRoot()),
          SHOTS.resolve("alerts-panel-" + theme + "-" + size + ".png"));

      SandboxAlertRules.Rule rule =
          SandboxAlertRules.RULES.stream()
              .filter(r -> r.name().equals("OrdersErpLatencyHigh"))
              .findFirst()
              .orElseThrow();
      PathAlert shown =
          FxHarness.onFx(
              () ->
                  app.onCall().alertsModel().reportProperty().get().alerts().stream()
                      .filter(a -> a.name().equals(rule.name()))
                      .findFirst()
                      .orElseThrow());
      robot.clickOn("#alert-" + rule.name());
      FxHarness.waitUntil(
          "the playbook view shows the alert's playbook",
          () ->
              FxHarness.onFx(
                  () ->
                      app.parts().shell().viewProperty().get() == View.PLAYBOOK
                          && app.onCall().playbooks().selectedProperty().get() != null
                          && app.onCall()
                              .playbooks()
                              .selectedProperty()
                              .get()
                              .id()
                              .equals(rule.playbook())));
      var window = FxHarness.onFx(() -> app.parts().shell().windowProperty().get());
      assertThat(window.preset()).isEqualTo(WindowPreset.CUSTOM);
      assertThat(window.fixed().from())
          .isEqualTo(shown.since().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
      assertThat(FxHarness.onFx(panel::isVisible)).as("the panel closes").isFalse();
      FxHarness.snapshot(
          FxHarness.onFx(() -> stage.getScene().getRoot()),
          SHOTS.resolve("alerts-opened-playbook-" + theme + "-" + size + ".png"));
    } finally {
      FxHarness.runFx(stage::hide);
    }
  }

  /** The node, once there: the alerts badge and panel are built after the first frame. */
  private static Node lookup(HopscopeApp app, String selector) {
    FxHarness.waitUntil(
        selector + " is built",
        () -> FxHarness.onFx(() -> app.parts().stage().getScene().lookup(selector)) != null);
    return FxHarness.onFx(() -> app.parts().stage().getScene().lookup(selector));
  }
}
