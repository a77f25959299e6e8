package org.hopscope.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.hopscope.config.ConfigDirs;
import org.hopscope.config.ConnectionProfile;
import org.hopscope.config.ProfileStore;
import org.hopscope.faults.Fault;
import org.hopscope.faults.HostileYaml;
import org.hopscope.model.connection.Endpoint;
import org.hopscope.store.IncidentDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path definition nested 2,000 levels deep beside a good one (a StackOverflowError took down
 * every path and left the client "connecting…" for ever): the real window starts, offers the good
 * path and says in its status bar which file did not load, where and why.
 */
@Fault(Fault.Area.FILES)
class BadPathFileAtStartTest {

  @TempDir Path dir;

  @Test
  void theClientStartsWithTheGoodPathAndShowsTheLocatedProblemOfTheBadFile() throws IOException {
    Path queries = Files.createDirectories(dir.resolve("queries"));
    Files.copy(UiSandbox.queriesDir().resolve("orders.yaml"), queries.resolve("orders.yaml"));
    Path bad = Files.write(queries.resolve("deep.yaml"), HostileYaml.DEEP_FLOW.bytes("", ""));
    String url = "http://127.0.0.1:" + closedPort();
    new ProfileStore(new ConfigDirs(dir.resolve("config")))
        .save(new ConnectionProfile("local", Endpoint.of(URI.create(url)), null, queries));
    StringWriter errors = new StringWriter();
    try (IncidentDatabase db =
        IncidentDatabase.open(dir.resolve("hopscope.db"), Clock.systemUTC())) {
      GuiOptions options = new GuiOptions();
      options.profile = "local";
      options.view = "flow";
      HopscopeApp app =
          UiSandbox.app(
              options,
              dir.resolve("config"),
              new PrintWriter(errors, true),
              db,
              UiSandbox.shippedPlaybooks());
      Stage stage = FxHarness.stage();
      FxHarness.onFx(() -> app.start(stage));
      FxHarness.waitUntil(
          "the profile is connected", () -> app.parts().shell().pathProperty().get() != null);
      assertThat(FxHarness.onFx(() -> app.parts().shell().paths())).containsExactly("orders");
      Label notices = FxHarness.onFx(() -> (Label) stage.getScene().lookup("#status-notices"));
      FxHarness.waitUntil(
          "the status bar lays the notice out",
          () -> FxHarness.onFx(() -> notices.isVisible() && notices.getWidth() > 20));
      assertThat(FxHarness.onFx(notices::getText))
          .isEqualTo(
              "path definition not loaded (the others are): "
                  + bad
                  + ":1:53: lists and mappings are nested more than 50 levels deep (limit:"
                  + " nesting depth); Hopscope's files need fewer than 10: check the indentation"
                  + " and the brackets");
      FxHarness.snapshot(
          stage.getScene().getRoot(), Path.of("target", "screenshots", "bad-path-file.png"));
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
