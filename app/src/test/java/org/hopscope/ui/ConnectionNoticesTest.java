package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.store.IncidentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile whose TLS verification an environment variable switches off does not look normal in the
 * window: the status bar says so, in the words the command line prints.
 */
class ConnectionNoticesTest {

  @TempDir Path config;

  @Test
  @Fault(Fault.Area.SECRETS)
  void tlsVerificationSwitchedOffByTheEnvironmentIsShownInTheStatusBar() throws IOException {
    String url = "https://127.0.0.1:" + closedPort();
    new ProfileStore(new ConfigDirs(config.resolve("config")))
        .save(new ConnectionProfile("tls-off", Endpoint.of(URI.create(url)), null, null));
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.profile = "tls-off";
      options.view = "flow";
      HopscopeApp app =
          UiSandbox.app(
              options,
              Map.of("HOPSCOPE_ES_INSECURE", "true"),
              config.resolve("config"),
              new PrintWriter(errors, true),
              db,
              UiSandbox.shippedPlaybooks());
      Stage stage = FxHarness.stage();
      FxHarness.onFx(() -> app.start(stage));
      FxHarness.waitUntil(
          "the profile is connected", () -> app.parts().shell().pathProperty().get() != null);
      Label notices = FxHarness.onFx(() -> (Label) stage.getScene().lookup("#status-notices"));
      FxHarness.waitUntil(
          "the status bar lays the notice out",
          () -> FxHarness.onFx(() -> notices.isVisible() && notices.getWidth() > 20));
      assertThat(FxHarness.onFx(notices::getText))
          .isEqualTo(
              "Elasticsearch: TLS certificate verification is OFF for "
                  + url
                  + " (insecure); anyone on the network path can read and change the traffic");
      assertThat(FxHarness.onFx(() -> notices.getTooltip().getText()))
          .isEqualTo(FxHarness.onFx(notices::getText));
      assertThat(FxHarness.onFx(() -> notices.localToScene(0, 0).getY()))
          .as("inside the window")
          .isBetween(0.0, FxHarness.onFx(() -> stage.getScene().getHeight()));
      FxHarness.runFx(stage::hide);
    }
    assertThat(errors.toString()).isEmpty();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
