package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.model.connection.Auth;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.model.connection.Tls;
import org.hopscope.store.IncidentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile file that other users can read while it holds a password does not look normal in the
 * window: the status bar carries the same loud line the command line prints, fix included.
 */
@Fault(Fault.Area.SECRETS)
class UnprotectedProfileWindowTest {

  @TempDir Path config;

  @Test
  void theStatusBarSaysTheProfileFileIsReadableByOthersAndHowToFixIt() throws IOException {
    String url = "http://127.0.0.1:" + closedPort();
    ProfileStore store = new ProfileStore(new ConfigDirs(config.resolve("config")));
    Path file =
        store.save(
            new ConnectionProfile(
                "shared",
                new Endpoint(
                    URI.create(url),
                    new Auth.Basic("hopscope", "pw-in-file"),
                    Tls.SYSTEM,
                    Endpoint.DEFAULT_CONNECT_TIMEOUT,
                    Endpoint.DEFAULT_REQUEST_TIMEOUT),
                null,
                null));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(config.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.profile = "shared";
      options.view = "flow";
      HopscopeApp app =
          UiSandbox.app(
              options,
              Map.of(),
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
      String expected =
          "UNPROTECTED PROFILE FILE: "
              + file.toAbsolutePath()
              + " holds a password and is readable by other users (mode 0644); run: chmod 600 "
              + file.toAbsolutePath();
      assertThat(FxHarness.onFx(notices::getText)).isEqualTo(expected);
      assertThat(FxHarness.onFx(() -> notices.getTooltip().getText())).isEqualTo(expected);
      Node bar = FxHarness.onFx(notices::getParent);
      FxHarness.snapshot(bar, Path.of("target/screenshots/status-unprotected-profile.png"));
      FxHarness.snapshot(
          stage.getScene().getRoot(), Path.of("target/screenshots/window-unprotected-profile.png"));
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
